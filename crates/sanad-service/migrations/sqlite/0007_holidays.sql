-- Official holidays and the working calendar. Keep in step with ../postgres/0007_holidays.sql.

-- One row per official holiday, by its Jalali date (`1404/01/01`, zero-padded so text order is
-- date order). The administrator adds and removes days; deadlines skip them.
CREATE TABLE holidays (
    day TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

-- Shipped: the official holidays of 1404 and 1405 (Council of Public Culture's official calendar,
-- as published by the University of Tehran's Institute of Geophysics calendar centre).
-- 1404: every date as in the published 1404 calendar (26 days, 4 of them Fridays), checked against
--   news reports of that calendar (e.g. gardshgar.com/holiday-1404; esfahanemrooz.ir on Arbaeen
--   1404 = 23 Mordad; ilna.ir on Fatimiyya 1404 = 3 Azar).
-- 1405: Farvardin to Tir as published (ilna.ir news 1707051, 2025-10-30: 25 days, none in
--   Ordibehesht, Mehr or Azar, 6 on Thursdays and 3 on Fridays, Eid al-Fitr twice). The lunar
--   days from Mordad on were not in the excerpts found; they were placed by the new moons of 1448
--   AH (first visibility in Iran) and agree with the published per-month counts (Mordad 4,
--   Esfand 4) and the Thursday/Friday counts. Lunar holidays follow the moon sighting: the
--   administrator corrects a day with `sanad holiday add/remove` if one is announced otherwise.
INSERT INTO holidays (day, title, created_at) VALUES
    ('1404/01/01', 'آغاز نوروز', 0),
    ('1404/01/02', 'عید نوروز؛ شهادت حضرت علی (ع)', 0),
    ('1404/01/03', 'عید نوروز', 0),
    ('1404/01/04', 'عید نوروز', 0),
    ('1404/01/11', 'عید سعید فطر', 0),
    ('1404/01/12', 'روز جمهوری اسلامی ایران؛ تعطیل به مناسبت عید سعید فطر', 0),
    ('1404/01/13', 'روز طبیعت', 0),
    ('1404/02/04', 'شهادت امام جعفر صادق (ع)', 0),
    ('1404/03/14', 'رحلت امام خمینی', 0),
    ('1404/03/15', 'قیام پانزده خرداد', 0),
    ('1404/03/16', 'عید سعید قربان', 0),
    ('1404/03/24', 'عید سعید غدیر خم', 0),
    ('1404/04/14', 'تاسوعای حسینی', 0),
    ('1404/04/15', 'عاشورای حسینی', 0),
    ('1404/05/23', 'اربعین حسینی', 0),
    ('1404/05/31', 'رحلت حضرت رسول اکرم (ص)؛ شهادت امام حسن مجتبی (ع)', 0),
    ('1404/06/02', 'شهادت امام رضا (ع)', 0),
    ('1404/06/10', 'شهادت امام حسن عسکری (ع)', 0),
    ('1404/06/19', 'میلاد حضرت رسول اکرم (ص) و امام جعفر صادق (ع)', 0),
    ('1404/09/03', 'شهادت حضرت فاطمه زهرا (س)', 0),
    ('1404/10/13', 'ولادت امام علی (ع)', 0),
    ('1404/10/27', 'مبعث حضرت رسول اکرم (ص)', 0),
    ('1404/11/15', 'ولادت حضرت قائم (عج)', 0),
    ('1404/11/22', 'پیروزی انقلاب اسلامی', 0),
    ('1404/12/20', 'شهادت حضرت علی (ع)', 0),
    ('1404/12/29', 'روز ملی شدن صنعت نفت', 0),
    ('1405/01/01', 'آغاز نوروز؛ عید سعید فطر', 0),
    ('1405/01/02', 'عید نوروز؛ تعطیل به مناسبت عید سعید فطر', 0),
    ('1405/01/03', 'عید نوروز', 0),
    ('1405/01/04', 'عید نوروز', 0),
    ('1405/01/12', 'روز جمهوری اسلامی ایران', 0),
    ('1405/01/13', 'روز طبیعت', 0),
    ('1405/03/06', 'عید سعید قربان', 0),
    ('1405/03/14', 'رحلت امام خمینی؛ عید سعید غدیر خم', 0),
    ('1405/03/15', 'قیام پانزده خرداد', 0),
    ('1405/04/03', 'تاسوعای حسینی', 0),
    ('1405/04/04', 'عاشورای حسینی', 0),
    ('1405/05/13', 'اربعین حسینی', 0),
    ('1405/05/21', 'رحلت حضرت رسول اکرم (ص)؛ شهادت امام حسن مجتبی (ع)', 0),
    ('1405/05/22', 'شهادت امام رضا (ع)', 0),
    ('1405/05/30', 'شهادت امام حسن عسکری (ع)', 0),
    ('1405/06/08', 'میلاد حضرت رسول اکرم (ص) و امام جعفر صادق (ع)', 0),
    ('1405/08/22', 'شهادت حضرت فاطمه زهرا (س)', 0),
    ('1405/10/02', 'ولادت امام علی (ع)', 0),
    ('1405/10/16', 'مبعث حضرت رسول اکرم (ص)', 0),
    ('1405/11/04', 'ولادت حضرت قائم (عج)', 0),
    ('1405/11/22', 'پیروزی انقلاب اسلامی', 0),
    ('1405/12/09', 'شهادت حضرت علی (ع)', 0),
    ('1405/12/19', 'عید سعید فطر', 0),
    ('1405/12/20', 'تعطیل به مناسبت عید سعید فطر', 0),
    ('1405/12/29', 'روز ملی شدن صنعت نفت', 0);
