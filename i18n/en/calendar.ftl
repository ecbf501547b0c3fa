## The working calendar: official holidays, Thursdays, overdue requests.

error-not-found-holiday = That day is not on the list of official holidays.
cli-holiday-added = { $date } is now an official holiday: “{ $title }”.
cli-holiday-removed = { $date } is no longer an official holiday.
cli-holidays-empty = No official holidays are recorded.
cli-thursday-off-on = Thursdays are off; deadlines from now on skip them.
cli-thursday-off-off = Thursdays are working days; deadlines from now on count them.
cli-office-hours-set = Office hours: Saturday to Wednesday { $weekdays }, working Thursdays { $thursday }. Deadlines of requests entering a state from now on are counted in these hours; open requests keep their deadline until they next change state.
field-weekday-opens = Saturday–Wednesday opening time (--weekdays)
field-weekday-closes = Saturday–Wednesday closing time (--weekdays)
field-thursday-opens = Thursday opening time (--thursday)
field-thursday-closes = Thursday closing time (--thursday)
cli-overdue-empty = No request is past its deadline.
