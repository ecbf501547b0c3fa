# Validation messages for form fields (sanad-core: validate, tracking_code, jalali).
# Arguments such as { $max } arrive already formatted for display.

error-tracking-code-format = The tracking code must be 12 digits.
error-tracking-code-checksum = This tracking code is not valid; please check its digits.
error-national-code-format = The national code must be 10 digits.
error-national-code-invalid = This national code is not valid.
error-national-id-format = The national ID must be 11 digits.
error-national-id-invalid = This national ID is not valid.
error-mobile-format = The mobile number must be 11 digits starting with 09.
error-required = This field is required.
error-too-long = This field may be at most { $max } characters long.
error-jalali-date-format = Enter the date as year/month/day, for example 1404/01/15.
error-jalali-date-invalid = There is no such day in the calendar.
