//! `sanad holiday list|add|remove|recompute`, `sanad setting thursday-off on|off`, `sanad setting
//! office-hours` and `sanad overdue`.

use sanad_i18n::Localizer;
use sanad_service::{OfficeHoursInput, PageRequest, Service};

use super::sign_in;
use crate::args::{Cli, HolidayCommand, PageArgs, SettingCommand};
use crate::output::{print_json, print_summaries};
use crate::CliError;

pub async fn holiday(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    command: &HolidayCommand,
) -> Result<(), CliError> {
    let actor = sign_in(cli, l10n, service).await?;
    match command {
        HolidayCommand::List { year } => {
            let days = service.holidays(&actor, *year).await?;
            if cli.json {
                return print_json(&days);
            }
            if days.is_empty() {
                println!("{}", l10n.text("cli-holidays-empty"));
            }
            print_holidays(l10n, &days);
        }
        HolidayCommand::Recompute { year } => {
            let days = service.recompute_holidays(&actor, *year).await?;
            if cli.json {
                return print_json(&days);
            }
            print_holidays(l10n, &days);
        }
        HolidayCommand::Add { date, title } => {
            let day = service.add_holiday(&actor, date, title).await?;
            if cli.json {
                return print_json(&day);
            }
            println!(
                "{}",
                l10n.format(
                    "cli-holiday-added",
                    &[("date", day.date.to_string()), ("title", day.title.clone())]
                )
            );
        }
        HolidayCommand::Remove { date } => {
            service.remove_holiday(&actor, date).await?;
            let date = sanad_service::core::jalali::JalaliDate::parse("date", date)?;
            println!(
                "{}",
                l10n.format("cli-holiday-removed", &[("date", date.to_string())])
            );
        }
    }
    Ok(())
}

/// One line a day; an estimate (a computed lunar day) says so.
fn print_holidays(l10n: &Localizer, days: &[sanad_service::Holiday]) {
    for d in days {
        let mark = if d.estimated {
            format!(" [{}]", l10n.text("holiday-estimated"))
        } else {
            String::new()
        };
        println!("{} | {}{}", l10n.digits(&d.date.to_string()), d.title, mark);
    }
}

pub async fn setting(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    command: &SettingCommand,
) -> Result<(), CliError> {
    let actor = sign_in(cli, l10n, service).await?;
    match command {
        SettingCommand::ThursdayOff { value } => {
            let off = value == "on";
            service.set_thursday_off(&actor, off).await?;
            if cli.json {
                return print_json(&serde_json::json!({ "thursday_off": off }));
            }
            let id = if off {
                "cli-thursday-off-on"
            } else {
                "cli-thursday-off-off"
            };
            println!("{}", l10n.text(id));
        }
        SettingCommand::EcopyAttachToMail { value } => {
            let on = service
                .set_ecopy_attach_to_mail(&actor, value == "on")
                .await?;
            return print_json(&serde_json::json!({ "ecopy_attach_to_mail": on }));
        }
        SettingCommand::PortalAddress { address } => {
            let address = service.set_portal_address(&actor, address).await?;
            return print_json(&serde_json::json!({ "portal_address": address }));
        }
        SettingCommand::ScanLimit { megabytes } => {
            return super::files::scan_limit(l10n, service, &actor, megabytes).await;
        }
        SettingCommand::OfficeHours { weekdays, thursday } => {
            // The core reads each time in any digits; the span only splits at its dash.
            let split = |text: &str| {
                let (opens, closes) = text.split_once(['-', '–']).unwrap_or((text, ""));
                (opens.to_owned(), closes.to_owned())
            };
            let (weekday_opens, weekday_closes) = split(weekdays);
            let (thursday_opens, thursday_closes) = split(thursday);
            let settings = service
                .set_office_hours(
                    &actor,
                    OfficeHoursInput {
                        weekday_opens,
                        weekday_closes,
                        thursday_opens,
                        thursday_closes,
                    },
                )
                .await?;
            if cli.json {
                return print_json(&settings);
            }
            let span = |a: &str, b: &str| l10n.digits(&format!("{a}–{b}"));
            println!(
                "{}",
                l10n.format(
                    "cli-office-hours-set",
                    &[
                        (
                            "weekdays",
                            span(&settings.weekday_opens, &settings.weekday_closes)
                        ),
                        (
                            "thursday",
                            span(&settings.thursday_opens, &settings.thursday_closes)
                        ),
                    ]
                )
            );
        }
    }
    Ok(())
}

pub async fn overdue(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    page: &PageArgs,
) -> Result<(), CliError> {
    let actor = sign_in(cli, l10n, service).await?;
    let page = service
        .overdue_requests(
            &actor,
            PageRequest {
                cursor: page.cursor.clone(),
                limit: page.limit,
            },
        )
        .await?;
    if cli.json {
        return print_json(&page);
    }
    if page.items.is_empty() {
        println!("{}", l10n.text("cli-overdue-empty"));
    }
    print_summaries(l10n, &page.items);
    Ok(())
}
