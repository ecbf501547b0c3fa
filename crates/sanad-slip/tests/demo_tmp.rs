mod common;
#[test]
fn demo() {
    let l10n = sanad_i18n::Localizer::new(sanad_i18n::Lang::Fa);
    for (paper, name) in [(sanad_slip::PaperSize::A5, "a5"), (sanad_slip::PaperSize::A4, "a4"), (sanad_slip::PaperSize::Roll80, "80mm")] {
        let pdf = sanad_slip::render_slip(&common::sample_slip(2), &l10n, paper).expect("render");
        std::fs::write(format!("/tmp/slip-{name}.pdf"), pdf).unwrap();
    }
}
