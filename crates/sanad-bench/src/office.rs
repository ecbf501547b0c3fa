//! A working office for the load and crash runs: staff of every role, agencies, a court and
//! documents, all made through the service API.

use sanad_core::model::Role;
use sanad_service::{
    Actor, Applicant, InitOutcome, Letter, NewDocument, NewOrganization, NewRequest, NewUser,
    Service,
};

use crate::text;

pub const PASSWORD: &str = "bench-password-1";

/// The ids a desk needs to register requests.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub agencies: Vec<String>,
    pub court: String,
    pub docs: Vec<String>,
}

/// The user name of the `n`th desk of `role`.
pub fn desk_user(role: Role, n: usize) -> String {
    format!("{}{n}", role.as_str())
}

/// On a new database: creates the administrator, `staff` users per role (`desk_user` names), the auditor `auditor0`,
/// agencies, a court and documents. Returns the catalog.
pub async fn populate(svc: &Service, staff: &[(Role, usize)]) -> Result<Catalog, String> {
    let fresh = svc
        .init_admin("admin", "Reliability admin", PASSWORD)
        .await
        .map_err(text)?;
    if fresh != InitOutcome::Created {
        return Err("this needs a new, empty database".into());
    }
    let admin = svc.login("admin", PASSWORD).await.map_err(text)?;
    let all = staff.iter().copied().chain([(Role::Auditor, 1)]);
    for (role, count) in all {
        for n in 0..count {
            svc.add_user(
                &admin,
                NewUser {
                    username: desk_user(role, n),
                    display_name: format!("میز {n}"),
                    role: role.as_str().into(),
                    password: PASSWORD.into(),
                },
            )
            .await
            .map_err(text)?;
        }
    }
    let mut agencies = Vec::new();
    for i in 0..5 {
        let org = NewOrganization {
            name: format!("اداره کل شماره {i}"),
            kind: "agency".into(),
            national_id: None,
        };
        agencies.push(svc.add_organization(&admin, org).await.map_err(text)?.id);
    }
    let court = NewOrganization {
        name: "دادگستری استان".into(),
        kind: "third_party".into(),
        national_id: None,
    };
    let court = svc.add_organization(&admin, court).await.map_err(text)?.id;
    let mut docs = Vec::new();
    for i in 0..200 {
        let doc = NewDocument {
            registry_number: format!("R-{i:04}"),
            title: format!("سند مالکیت پلاک {i}"),
            ..Default::default()
        };
        docs.push(svc.add_document(&admin, doc).await.map_err(text)?.id);
    }
    Ok(Catalog {
        agencies,
        court,
        docs,
    })
}

/// The catalog of an office made by [`populate`].
pub async fn catalog(svc: &Service) -> Result<Catalog, String> {
    let clerk = sign_in(svc, Role::Clerk, 0).await?;
    let orgs = svc.list_organizations(&clerk, "").await.map_err(text)?;
    let agencies = orgs
        .iter()
        .filter(|o| o.kind.as_str() == "agency")
        .map(|o| o.id.clone())
        .collect();
    let court = orgs
        .iter()
        .find(|o| o.kind.as_str() == "third_party")
        .map(|o| o.id.clone())
        .ok_or("no court in the office")?;
    let docs = svc
        .list_documents(&clerk, "")
        .await
        .map_err(text)?
        .into_iter()
        .map(|d| d.id)
        .collect();
    Ok(Catalog {
        agencies,
        court,
        docs,
    })
}

pub async fn sign_in(svc: &Service, role: Role, n: usize) -> Result<Actor, String> {
    svc.login(&desk_user(role, n), PASSWORD).await.map_err(text)
}

/// A valid certified-paper-copy request; every `third`rd goes to the court (the ministry's route).
/// Not an electronic copy: dispatching one draws and signs a PDF of its scans, which would make
/// this a benchmark of the PDF writer rather than of the desks' writes.
pub fn request(catalog: &Catalog, i: usize, key: Option<String>) -> NewRequest {
    let third_party = i.is_multiple_of(3);
    NewRequest {
        requesting_org: catalog.agencies[i % catalog.agencies.len()].clone(),
        destination_org: third_party.then(|| catalog.court.clone()),
        documents: vec![catalog.docs[i % catalog.docs.len()].clone()],
        dispatch_mode: "certified_paper_copy".into(),
        return_due: None,
        applicant: Applicant {
            name: "علی رضایی".into(),
            national_code: "0499370899".into(),
            mobile: "09121234567".into(),
            email: None,
        },
        letter: Letter {
            number: format!("{i}/ص"),
            date: "1404/08/01".into(),
        },
        purpose: "ارسال سند برای تنظیم قرارداد".into(),
        priority: if i.is_multiple_of(7) {
            "urgent"
        } else {
            "normal"
        }
        .into(),
        idempotency_key: key,
    }
}
