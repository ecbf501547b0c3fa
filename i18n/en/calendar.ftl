## The working calendar: official holidays, Thursdays, overdue requests.

error-not-found-holiday = That day is not on the list of official holidays.
cli-holiday-added = { $date } is now an official holiday: “{ $title }”.
cli-holiday-removed = { $date } is no longer an official holiday.
cli-holidays-empty = No official holidays are recorded.
cli-thursday-off-on = Thursdays are off; deadlines from now on skip them.
cli-thursday-off-off = Thursdays are working days; deadlines from now on count them.
cli-overdue-empty = No request is past its deadline.
