//! The office logo: a PNG decoded to 8-bit RGB over white (a slip is printed on white paper,
//! and flattening here spares the PDF a soft mask).

use std::io::Cursor;

use png::{ColorType, Transformations};

pub(crate) struct Logo {
    pub width: usize,
    pub height: usize,
    pub rgb: Vec<u8>,
}

/// The logo, or `None` when the bytes are not a readable PNG (the slip is then printed
/// without one rather than not at all).
pub(crate) fn decode_png(bytes: &[u8]) -> Option<Logo> {
    let mut decoder = png::Decoder::new(Cursor::new(bytes));
    decoder.set_transformations(Transformations::EXPAND | Transformations::STRIP_16);
    let mut reader = decoder.read_info().ok()?;
    let mut buffer = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut buffer).ok()?;
    let pixels = buffer.get(..info.buffer_size())?;
    let over_white = |value: u8, alpha: u8| -> u8 {
        let a = u16::from(alpha);
        ((u16::from(value) * a + 255 * (255 - a)) / 255) as u8
    };
    let rgb: Vec<u8> = match info.color_type {
        ColorType::Rgb => pixels.to_vec(),
        ColorType::Rgba => pixels
            .chunks_exact(4)
            .flat_map(|p| {
                [
                    over_white(p[0], p[3]),
                    over_white(p[1], p[3]),
                    over_white(p[2], p[3]),
                ]
            })
            .collect(),
        ColorType::Grayscale => pixels.iter().flat_map(|&g| [g, g, g]).collect(),
        ColorType::GrayscaleAlpha => pixels
            .chunks_exact(2)
            .flat_map(|p| {
                let g = over_white(p[0], p[1]);
                [g, g, g]
            })
            .collect(),
        ColorType::Indexed => return None,
    };
    let (width, height) = (info.width as usize, info.height as usize);
    (width > 0 && height > 0 && rgb.len() == width * height * 3).then_some(Logo {
        width,
        height,
        rgb,
    })
}

/// The decoded logo as a PNG in base64, for the SVG preview (a data URL: the preview loads
/// nothing from anywhere).
pub(crate) fn png_base64(logo: &Logo) -> String {
    use base64::Engine;
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, logo.width as u32, logo.height as u32);
    encoder.set_color(ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let written = encoder
        .write_header()
        .and_then(|mut writer| writer.write_image_data(&logo.rgb));
    // The logo was decoded and checked before; an encoder failure leaves the preview without it.
    if written.is_err() {
        return String::new();
    }
    base64::engine::general_purpose::STANDARD.encode(bytes)
}
