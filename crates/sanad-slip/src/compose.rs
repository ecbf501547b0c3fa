//! Where everything goes on the page. Coordinates are points from the page's top-left corner
//! (the PDF writer flips them); the flow moves down and starts a new page when a block does not
//! fit (A5, A4), or grows the page (the 80 mm roll is one page as long as the slip).

use std::sync::Arc;

use crate::codes::{code128_modules, qr_modules};
use crate::content::SlipContent;
use crate::logo::{decode_png, Logo};
use crate::text::{wrap, BaseDirection, ShapedLine, Weight};
use crate::{PaperSize, SlipError};

const MM: f32 = 72.0 / 25.4;

/// Something drawn on a page.
#[derive(Clone)]
pub enum PageMark {
    /// A line of text; `x` is its left end, `baseline` from the page top.
    Text {
        line: ShapedLine,
        x: f32,
        baseline: f32,
    },
    /// A filled black rectangle (barcode bars and QR modules).
    Fill {
        x: f32,
        top: f32,
        width: f32,
        height: f32,
    },
    /// A rectangle's outline.
    Frame {
        x: f32,
        top: f32,
        width: f32,
        height: f32,
    },
    /// The office logo.
    Logo {
        x: f32,
        top: f32,
        width: f32,
        height: f32,
        image: Arc<LogoImage>,
    },
}

/// A decoded logo, shared by every page that shows it.
pub struct LogoImage(pub(crate) Logo);

/// One page: its size in points and what is drawn on it.
pub struct Page {
    pub width: f32,
    pub height: f32,
    /// The left and right margins: nothing is drawn outside them.
    pub margin: f32,
    pub marks: Vec<PageMark>,
}

/// The smallest QR module printed, in points.
const MIN_QR_MODULE: f32 = 0.4 * MM;

/// Sizes for one paper.
struct Geometry {
    width: f32,
    /// `None` for the roll: the page is as long as the slip.
    height: Option<f32>,
    margin: f32,
    body: f32,
    heading: f32,
    title: f32,
    code: f32,
    label_column: f32,
    bar_module: f32,
    bar_height: f32,
    qr_size: f32,
    logo: f32,
    signature_height: f32,
    /// Fields as label-beside-value columns (sheets) or label-above-value (the narrow roll).
    columns: bool,
}

fn geometry(paper: PaperSize) -> Geometry {
    match paper {
        PaperSize::A5 => Geometry {
            width: 148.0 * MM,
            height: Some(210.0 * MM),
            margin: 10.0 * MM,
            body: 9.0,
            heading: 10.5,
            title: 14.0,
            code: 20.0,
            label_column: 30.0 * MM,
            bar_module: 0.33 * MM,
            bar_height: 12.0 * MM,
            qr_size: 22.0 * MM,
            logo: 15.0 * MM,
            signature_height: 17.0 * MM,
            columns: true,
        },
        PaperSize::A4 => Geometry {
            width: 210.0 * MM,
            height: Some(297.0 * MM),
            margin: 15.0 * MM,
            body: 11.5,
            heading: 13.0,
            title: 19.0,
            code: 28.0,
            label_column: 42.0 * MM,
            bar_module: 0.42 * MM,
            bar_height: 16.0 * MM,
            qr_size: 30.0 * MM,
            logo: 20.0 * MM,
            signature_height: 28.0 * MM,
            columns: true,
        },
        PaperSize::Roll80 => Geometry {
            width: 80.0 * MM,
            height: None,
            // Roll printers print about 72 mm of the 80.
            margin: 4.0 * MM,
            body: 8.5,
            heading: 9.5,
            title: 12.0,
            code: 16.0,
            label_column: 0.0,
            bar_module: 0.3 * MM,
            bar_height: 12.0 * MM,
            qr_size: 24.0 * MM,
            logo: 12.0 * MM,
            signature_height: 16.0 * MM,
            columns: false,
        },
    }
}

fn line_height(size: f32) -> f32 {
    // Vazirmatn's Persian letters reach well below the baseline: give lines room.
    size * 1.6
}

/// Horizontal placement of a line inside a box.
#[derive(Clone, Copy)]
enum Align {
    /// Right edge for right-to-left text, left edge for left-to-right.
    Start,
    Center,
}

/// Lays out `text` wrapped between `left` and `right`, the first line's top at `top`.
/// Returns the marks and the y just below the last line.
pub fn layout_text_block(
    text: &str,
    weight: Weight,
    size: f32,
    base: BaseDirection,
    left: f32,
    right: f32,
    top: f32,
) -> Result<(Vec<PageMark>, f32), SlipError> {
    let mut marks = Vec::new();
    let bottom = place_lines(
        &mut marks,
        text,
        weight,
        size,
        base,
        (left, right),
        top,
        Align::Start,
    )?;
    Ok((marks, bottom))
}

#[allow(clippy::too_many_arguments)]
fn place_lines(
    marks: &mut Vec<PageMark>,
    text: &str,
    weight: Weight,
    size: f32,
    base: BaseDirection,
    (left, right): (f32, f32),
    top: f32,
    align: Align,
) -> Result<f32, SlipError> {
    let width = (right - left).max(0.0);
    let mut y = top;
    for line in wrap(text, weight, size, base, width)? {
        let x = match (align, base) {
            (Align::Center, _) => left + (width - line.width) / 2.0,
            (Align::Start, BaseDirection::Rtl) => right - line.width,
            (Align::Start, BaseDirection::Ltr) => left,
        };
        marks.push(PageMark::Text {
            line,
            x,
            baseline: y + size * 1.1,
        });
        y += line_height(size);
    }
    Ok(y)
}

/// The pages being filled, and where the next block goes.
struct Flow {
    g: Geometry,
    base: BaseDirection,
    pages: Vec<Page>,
    marks: Vec<PageMark>,
    y: f32,
}

impl Flow {
    fn left(&self) -> f32 {
        self.g.margin
    }
    fn right(&self) -> f32 {
        self.g.width - self.g.margin
    }
    fn content_width(&self) -> f32 {
        self.right() - self.left()
    }

    /// Starts a new page unless `height` more fits on this one.
    fn ensure(&mut self, height: f32) {
        let Some(page_height) = self.g.height else {
            return;
        };
        if self.y + height > page_height - self.g.margin && !self.marks.is_empty() {
            self.pages.push(Page {
                width: self.g.width,
                height: page_height,
                margin: self.g.margin,
                marks: std::mem::take(&mut self.marks),
            });
            self.y = self.g.margin;
        }
    }

    /// A paragraph across the content width.
    fn paragraph(
        &mut self,
        text: &str,
        weight: Weight,
        size: f32,
        align: Align,
    ) -> Result<(), SlipError> {
        let mut marks = Vec::new();
        let (l, r) = (self.left(), self.right());
        let bottom = place_lines(
            &mut marks,
            text,
            weight,
            size,
            self.base,
            (l, r),
            0.0,
            align,
        )?;
        self.ensure(bottom);
        let dy = self.y;
        self.marks.extend(marks.into_iter().map(|m| shifted(m, dy)));
        self.y += bottom;
        Ok(())
    }

    fn finish(mut self) -> Vec<Page> {
        let height = match self.g.height {
            Some(h) => h,
            None => self.y + self.g.margin,
        };
        self.pages.push(Page {
            width: self.g.width,
            height,
            margin: self.g.margin,
            marks: self.marks,
        });
        self.pages
    }
}

fn shifted(mark: PageMark, dy: f32) -> PageMark {
    match mark {
        PageMark::Text { line, x, baseline } => PageMark::Text {
            line,
            x,
            baseline: baseline + dy,
        },
        PageMark::Fill {
            x,
            top,
            width,
            height,
        } => PageMark::Fill {
            x,
            top: top + dy,
            width,
            height,
        },
        PageMark::Frame {
            x,
            top,
            width,
            height,
        } => PageMark::Frame {
            x,
            top: top + dy,
            width,
            height,
        },
        PageMark::Logo {
            x,
            top,
            width,
            height,
            image,
        } => PageMark::Logo {
            x,
            top: top + dy,
            width,
            height,
            image,
        },
    }
}

/// The slip, page by page.
pub(crate) fn compose(content: &SlipContent, paper: PaperSize) -> Result<Vec<Page>, SlipError> {
    let g = geometry(paper);
    let mut flow = Flow {
        y: g.margin,
        base: content.base,
        g,
        pages: Vec::new(),
        marks: Vec::new(),
    };
    header(&mut flow, content)?;
    codes(&mut flow, content)?;
    fields(&mut flow, content)?;
    signatures(&mut flow, content)?;
    keep_note(&mut flow, content)?;
    Ok(flow.finish())
}

fn header(flow: &mut Flow, content: &SlipContent) -> Result<(), SlipError> {
    let logo = content.logo_png.as_deref().and_then(decode_png);
    let top = flow.y;
    let mut text_left = flow.left();
    let mut text_right = flow.right();
    if let Some(logo) = logo {
        let size = flow.g.logo;
        let (w, h) = if logo.width >= logo.height {
            (size, size * logo.height as f32 / logo.width as f32)
        } else {
            (size * logo.width as f32 / logo.height as f32, size)
        };
        let on_roll = flow.g.height.is_none();
        // On sheets the logo sits at the reading start (right for Persian) and the heading stays
        // centred by keeping the same room free on the other side; on the roll it stands alone,
        // centred above the heading.
        let x = match (on_roll, flow.base) {
            (true, _) => flow.left() + (flow.content_width() - w) / 2.0,
            (false, BaseDirection::Rtl) => flow.right() - w,
            (false, BaseDirection::Ltr) => flow.left(),
        };
        flow.marks.push(PageMark::Logo {
            x,
            top,
            width: w,
            height: h,
            image: Arc::new(LogoImage(logo)),
        });
        text_left += size + 2.0 * MM;
        text_right -= size + 2.0 * MM;
        if on_roll {
            flow.y += h + 2.0 * MM;
            text_left = flow.left();
            text_right = flow.right();
        }
    }
    let heading_top = flow.y;
    let mut marks = Vec::new();
    let y = place_lines(
        &mut marks,
        &content.directorate,
        Weight::Bold,
        flow.g.heading,
        flow.base,
        (text_left, text_right),
        heading_top,
        Align::Center,
    )?;
    let y = place_lines(
        &mut marks,
        &content.title,
        Weight::Bold,
        flow.g.title,
        flow.base,
        (text_left, text_right),
        y + 1.0 * MM,
        Align::Center,
    )?;
    flow.marks.extend(marks);
    let logo_bottom = flow
        .marks
        .iter()
        .filter_map(|m| match m {
            PageMark::Logo { top, height, .. } => Some(top + height),
            _ => None,
        })
        .fold(y, f32::max);
    flow.y = logo_bottom + 2.0 * MM;
    if let Some(duplicate) = &content.duplicate {
        let size = flow.g.heading;
        let lines = wrap(
            duplicate,
            Weight::Bold,
            size,
            flow.base,
            flow.content_width() - 6.0 * MM,
        )?;
        let box_width = lines.iter().map(|l| l.width).fold(0.0, f32::max) + 6.0 * MM;
        let box_height = line_height(size) * lines.len() as f32 + 2.0 * MM;
        let x = flow.left() + (flow.content_width() - box_width) / 2.0;
        let top = flow.y;
        flow.marks.push(PageMark::Frame {
            x,
            top,
            width: box_width,
            height: box_height,
        });
        let mut baseline = top + 1.0 * MM + size * 1.1;
        for line in lines {
            let line_x = x + (box_width - line.width) / 2.0;
            flow.marks.push(PageMark::Text {
                line,
                x: line_x,
                baseline,
            });
            baseline += line_height(size);
        }
        flow.y = top + box_height + 2.0 * MM;
    }
    Ok(())
}

fn codes(flow: &mut Flow, content: &SlipContent) -> Result<(), SlipError> {
    flow.paragraph(
        &content.code_label,
        Weight::Regular,
        flow.g.body,
        Align::Center,
    )?;
    flow.paragraph(&content.code_text, Weight::Bold, flow.g.code, Align::Center)?;
    flow.y += 1.0 * MM;
    let bars = code128_modules(&content.code_digits)?;
    let qr = qr_modules(&content.qr_text)?;
    // A signed token makes a denser code than 12 digits: the symbol grows so no module is
    // smaller than a roll printer can draw cleanly (0.4 mm is over 3 dots at 203 dpi).
    let qr_size = flow.g.qr_size.max((qr.width + 8) as f32 * MIN_QR_MODULE);
    // Quiet zones: 10 modules either side of the bars, 4 around the QR code.
    let bar_width = (bars.len() + 20) as f32 * flow.g.bar_module;
    let qr_module = qr_size / (qr.width + 8) as f32;
    let digits_size = flow.g.body * 0.9;
    let bar_block = flow.g.bar_height + line_height(digits_size);
    let gap = 8.0 * MM;
    let side_by_side = bar_width + gap + qr_size <= flow.content_width();
    let (bar_x, bar_top, qr_x, qr_top, block_height) = if side_by_side {
        let total = bar_width + gap + qr_size;
        let start = flow.left() + (flow.content_width() - total) / 2.0;
        let height = bar_block.max(qr_size);
        flow.ensure(height);
        let (bar_x, qr_x) = match flow.base {
            BaseDirection::Rtl => (start + qr_size + gap, start),
            BaseDirection::Ltr => (start, start + bar_width + gap),
        };
        let bar_top = flow.y + (height - bar_block) / 2.0;
        let qr_top = flow.y + (height - qr_size) / 2.0;
        (bar_x, bar_top, qr_x, qr_top, height)
    } else {
        let height = bar_block + 2.0 * MM + qr_size;
        flow.ensure(height);
        let bar_x = flow.left() + (flow.content_width() - bar_width) / 2.0;
        let qr_x = flow.left() + (flow.content_width() - qr_size) / 2.0;
        (bar_x, flow.y, qr_x, flow.y + bar_block + 2.0 * MM, height)
    };
    let module = flow.g.bar_module;
    let mut x = bar_x + 10.0 * module;
    let mut run_start: Option<f32> = None;
    for (i, &dark) in bars.iter().enumerate() {
        match (dark, run_start) {
            (true, None) => run_start = Some(x),
            (false, Some(start)) => {
                flow.marks.push(bar(start, x, bar_top, flow.g.bar_height));
                run_start = None;
            }
            _ => {}
        }
        x += module;
        if i + 1 == bars.len() {
            if let Some(start) = run_start.take() {
                flow.marks.push(bar(start, x, bar_top, flow.g.bar_height));
            }
        }
    }
    // The digits under the bars are what the scanner reads: printed as it types them.
    place_lines(
        &mut flow.marks,
        &content.code_digits,
        Weight::Regular,
        digits_size,
        BaseDirection::Ltr,
        (bar_x, bar_x + bar_width),
        bar_top + flow.g.bar_height,
        Align::Center,
    )?;
    for row in 0..qr.width {
        for col in 0..qr.width {
            if qr.dark[row * qr.width + col] {
                flow.marks.push(PageMark::Fill {
                    x: qr_x + (col + 4) as f32 * qr_module,
                    top: qr_top + (row + 4) as f32 * qr_module,
                    width: qr_module,
                    height: qr_module,
                });
            }
        }
    }
    flow.y += block_height + 3.0 * MM;
    Ok(())
}

fn bar(from: f32, to: f32, top: f32, height: f32) -> PageMark {
    PageMark::Fill {
        x: from,
        top,
        width: to - from,
        height,
    }
}

fn fields(flow: &mut Flow, content: &SlipContent) -> Result<(), SlipError> {
    let size = flow.g.body;
    let gap = 3.0 * MM;
    for field in &content.fields {
        let mut marks = Vec::new();
        let height = if flow.g.columns {
            let (label_span, value_span) = match flow.base {
                BaseDirection::Rtl => (
                    (flow.right() - flow.g.label_column, flow.right()),
                    (flow.left(), flow.right() - flow.g.label_column - gap),
                ),
                BaseDirection::Ltr => (
                    (flow.left(), flow.left() + flow.g.label_column),
                    (flow.left() + flow.g.label_column + gap, flow.right()),
                ),
            };
            let label_bottom = place_lines(
                &mut marks,
                &field.label,
                Weight::Bold,
                size,
                flow.base,
                label_span,
                0.0,
                Align::Start,
            )?;
            let mut y = 0.0;
            for value in &field.values {
                y = place_lines(
                    &mut marks,
                    value,
                    Weight::Regular,
                    size,
                    flow.base,
                    value_span,
                    y,
                    Align::Start,
                )?;
            }
            label_bottom.max(y)
        } else {
            let span = (flow.left(), flow.right());
            let mut y = place_lines(
                &mut marks,
                &field.label,
                Weight::Bold,
                size,
                flow.base,
                span,
                0.0,
                Align::Start,
            )?;
            let indented = match flow.base {
                BaseDirection::Rtl => (flow.left(), flow.right() - gap),
                BaseDirection::Ltr => (flow.left() + gap, flow.right()),
            };
            for value in &field.values {
                y = place_lines(
                    &mut marks,
                    value,
                    Weight::Regular,
                    size,
                    flow.base,
                    indented,
                    y,
                    Align::Start,
                )?;
            }
            y
        };
        flow.ensure(height);
        let dy = flow.y;
        flow.marks.extend(marks.into_iter().map(|m| shifted(m, dy)));
        flow.y += height + 0.8 * MM;
    }
    flow.y += 2.0 * MM;
    Ok(())
}

fn signatures(flow: &mut Flow, content: &SlipContent) -> Result<(), SlipError> {
    let count = content.signatures.len().max(1) as f32;
    let gap = 6.0 * MM;
    let height = flow.g.signature_height;
    let size = flow.g.body * 0.9;
    let boxes: Vec<(f32, f32)> = if flow.g.columns {
        let width = (flow.content_width() - gap * (count - 1.0)) / count;
        // Boxes follow the reading order: the first at the right in Persian.
        (0..content.signatures.len())
            .map(|i| {
                let offset = i as f32 * (width + gap);
                match flow.base {
                    BaseDirection::Rtl => (flow.right() - offset - width, width),
                    BaseDirection::Ltr => (flow.left() + offset, width),
                }
            })
            .collect()
    } else {
        content
            .signatures
            .iter()
            .map(|_| (flow.left(), flow.content_width()))
            .collect()
    };
    if flow.g.columns {
        flow.ensure(height);
    }
    let top = flow.y;
    for (i, (caption, (x, width))) in content.signatures.iter().zip(boxes).enumerate() {
        let box_top = if flow.g.columns {
            top
        } else {
            flow.ensure(height);
            flow.y
        };
        flow.marks.push(PageMark::Frame {
            x,
            top: box_top,
            width,
            height,
        });
        place_lines(
            &mut flow.marks,
            caption,
            Weight::Regular,
            size,
            flow.base,
            (x + 2.0 * MM, x + width - 2.0 * MM),
            box_top + 1.0 * MM,
            Align::Center,
        )?;
        if !flow.g.columns {
            flow.y = box_top
                + height
                + if i + 1 < content.signatures.len() {
                    2.0 * MM
                } else {
                    0.0
                };
        }
    }
    if flow.g.columns {
        flow.y = top + height;
    }
    flow.y += 4.0 * MM;
    Ok(())
}

fn keep_note(flow: &mut Flow, content: &SlipContent) -> Result<(), SlipError> {
    let size = flow.g.body;
    let pad = 2.5 * MM;
    let mut marks = Vec::new();
    let (l, r) = (flow.left() + pad, flow.right() - pad);
    let bottom = place_lines(
        &mut marks,
        &content.keep_note,
        Weight::Bold,
        size,
        flow.base,
        (l, r),
        pad,
        Align::Center,
    )?;
    let height = bottom + pad;
    flow.ensure(height);
    let dy = flow.y;
    flow.marks.push(PageMark::Frame {
        x: flow.left(),
        top: dy,
        width: flow.content_width(),
        height,
    });
    flow.marks.extend(marks.into_iter().map(|m| shifted(m, dy)));
    flow.y += height;
    Ok(())
}
