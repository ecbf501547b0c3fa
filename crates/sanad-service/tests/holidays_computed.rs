//! The calendar that never runs out: years from 1406 on are computed (solar holidays exactly,
//! lunar ones estimated and marked), and what the administrator confirmed, moved or removed
//! survives computing the year again; on both backends.

mod common;

use common::{saturday_morning, Backend, Office, TestClock};
use sanad_service::{Error, Holiday};

fn find<'a>(days: &'a [Holiday], title: &str) -> &'a Holiday {
    days.iter()
        .find(|h| h.title.contains(title))
        .unwrap_or_else(|| panic!("no «{title}» in {days:?}"))
}

fn next_day(h: &Holiday) -> String {
    let d = h.date.to_gregorian() + chrono::Duration::days(1);
    sanad_core::jalali::JalaliDate::from_gregorian(d).to_string()
}

on_both_backends!(
    coming_years_are_computed_and_fixes_survive,
    |b: Backend| async move {
        let clock = TestClock::at(saturday_morning());
        let o = Office::with(b, Some(clock)).await;
        // The shipped 1405 now has the day it lacked.
        let y1405 = o.svc.holidays(&o.clerk, Some(1405)).await.expect("1405");
        assert_eq!(y1405.len(), 26);
        let sadiq = find(&y1405, "جعفر صادق (ع)");
        assert_eq!(sadiq.date.to_string(), "1405/01/25");
        assert!(y1405.iter().all(|h| !h.estimated));

        let y1406 = o.svc.holidays(&o.clerk, Some(1406)).await.expect("1406");
        let nowruz = find(&y1406, "آغاز نوروز");
        assert_eq!(
            (nowruz.date.to_string(), nowruz.estimated),
            ("1406/01/01".to_owned(), false)
        );
        let nature = find(&y1406, "روز طبیعت");
        assert_eq!(
            (nature.date.to_string(), nature.estimated),
            ("1406/01/13".to_owned(), false)
        );
        for lunar in ["تاسوعا", "عاشورا", "عید سعید فطر", "غدیر", "اربعین"]
        {
            assert!(find(&y1406, lunar).estimated, "{lunar}");
        }
        assert!((24..=29).contains(&y1406.len()), "{}", y1406.len());

        // The administrator confirms Ashura, moves Arbaeen a day later, removes Ghadir.
        let ashura = find(&y1406, "عاشورا").clone();
        let arbaeen = find(&y1406, "اربعین").clone();
        let ghadir = find(&y1406, "غدیر").clone();
        let day = |h: &Holiday| h.date.to_string();
        o.svc
            .add_holiday(&o.admin, &day(&ashura), &ashura.title)
            .await
            .expect("confirm");
        o.svc
            .remove_holiday(&o.admin, &day(&arbaeen))
            .await
            .expect("move: remove");
        o.svc
            .add_holiday(&o.admin, &next_day(&arbaeen), "اربعین حسینی")
            .await
            .expect("move: add");
        o.svc
            .remove_holiday(&o.admin, &day(&ghadir))
            .await
            .expect("remove");

        let again = o
            .svc
            .recompute_holidays(&o.admin, 1406)
            .await
            .expect("recompute");
        let on = |d: &str| again.iter().find(|h| h.date.to_string() == d);
        assert_eq!(on(&day(&ashura)).map(|h| h.estimated), Some(false));
        assert!(on(&day(&arbaeen)).is_none(), "the moved day came back");
        assert_eq!(on(&next_day(&arbaeen)).map(|h| h.estimated), Some(false));
        assert!(on(&day(&ghadir)).is_none(), "the removed day came back");
        assert!(find(&again, "تاسوعا").estimated);
        // Only the removed day is gone: the moved one is there on its new day.
        assert_eq!(again.len(), y1406.len() - 1);

        // Deadlines in 1406 skip the computed days: they are holidays of the working calendar.
        match o.svc.recompute_holidays(&o.admin, 1405).await {
            Err(Error::Invalid { field, .. }) => assert_eq!(field, "year"),
            other => panic!("{other:?}"),
        }
    }
);
