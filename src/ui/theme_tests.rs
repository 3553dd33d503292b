//! The themes: every named foreground keeps 4.5:1 (WCAG AA) against its background in the
//! stock xterm and the Solarized palettes, and snapshots of screens under the dark, light and
//! mono themes record each cell's style, so a change of colour shows in review.

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

use super::tests::send;
use super::theme::Kind;
use super::{Theme, render_with};
use crate::app::Msg;
use crate::app::tests::{app, wall};
use crate::config::ThemeChoice;

/// A palette: its 16 named colours (black … bright white) as RGB.
type Palette = [u32; 16];

const XTERM: Palette = [
    0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5, 0x7f7f7f, 0xff0000,
    0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
];

/// Solarized as terminals set it: bright black is base03 (the dark background), bright green
/// base01, bright yellow base00, bright blue base0, bright cyan base1.
const SOLARIZED: Palette = [
    0x073642, 0xdc322f, 0x859900, 0xb58900, 0x268bd2, 0xd33682, 0x2aa198, 0xeee8d5, 0x002b36, 0xcb4b16,
    0x586e75, 0x657b83, 0x839496, 0x6c71c4, 0x93a1a1, 0xfdf6e3,
];

/// Each theme with the backgrounds it is meant for: (name, palette, background).
fn fixtures(kind: Kind) -> Vec<(&'static str, Palette, u32)> {
    match kind {
        Kind::Dark => vec![("xterm on black", XTERM, 0x000000), ("Solarized Dark", SOLARIZED, 0x002b36)],
        Kind::Light => {
            vec![("stock xterm (white)", XTERM, 0xffffff), ("Solarized Light", SOLARIZED, 0xfdf6e3)]
        }
        Kind::Mono => vec![],
    }
}

fn rgb(color: Color, palette: &Palette) -> Option<u32> {
    let named = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    if let Some(i) = named.iter().position(|c| *c == color) {
        return Some(palette[i]);
    }
    match color {
        Color::Indexed(i) if i < 16 => Some(palette[usize::from(i)]),
        Color::Indexed(i @ 16..=231) => {
            let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * u32::from(v) };
            let i = i - 16;
            Some(level(i / 36) << 16 | level(i / 6 % 6) << 8 | level(i % 6))
        }
        Color::Indexed(i) => Some(u32::from(8 + 10 * (i - 232)) * 0x010101),
        Color::Rgb(r, g, b) => Some(u32::from(r) << 16 | u32::from(g) << 8 | u32::from(b)),
        // The terminal's own default colour: its own pair, readable by the user's choice.
        _ => None,
    }
}

/// WCAG 2 contrast ratio of two colours.
fn contrast(a: u32, b: u32) -> f64 {
    let luminance = |c: u32| {
        let channel = |v: u32| {
            let v = f64::from(v & 0xff) / 255.0;
            if v <= 0.03928 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(c >> 16) + 0.7152 * channel(c >> 8) + 0.0722 * channel(c)
    };
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

fn named_styles(theme: &Theme) -> Vec<(String, Style)> {
    let mut styles = vec![
        ("title".to_string(), theme.title),
        ("dim".into(), theme.dim),
        ("done".into(), theme.done),
        ("accent".into(), theme.accent),
        ("warn".into(), theme.warn),
        ("selected".into(), theme.selected),
        ("gauge".into(), theme.gauge),
        ("flash".into(), theme.flash),
        ("strong".into(), theme.strong),
    ];
    styles.extend(theme.series.iter().enumerate().map(|(i, s)| (format!("series[{i}]"), *s)));
    styles
}

#[test]
fn every_named_colour_keeps_4_5_to_1_on_its_background() {
    for kind in [Kind::Dark, Kind::Light, Kind::Mono] {
        let theme = Theme::of(kind);
        for (palette_name, palette, background) in fixtures(kind) {
            for (name, style) in named_styles(&theme) {
                // A background of its own is the pair; reversed, the colour is the background
                // and the text is the terminal's background: the same two colours.
                let ground = style.bg.and_then(|c| rgb(c, &palette)).unwrap_or(background);
                let Some(fg) = style.fg.and_then(|c| rgb(c, &palette)) else { continue };
                let ratio = contrast(fg, ground);
                assert!(
                    ratio >= 4.5,
                    "{kind:?} theme, {name} ({:?}) on {palette_name}: {ratio:.2}:1, below 4.5:1",
                    style.fg
                );
            }
        }
    }
    // The fixtures are right: the old dark grey hint is invisible on Solarized Dark.
    assert!(contrast(rgb(Color::DarkGray, &SOLARIZED).unwrap(), 0x002b36) < 1.1);
    assert!(contrast(rgb(Color::Yellow, &XTERM).unwrap(), 0xffffff) < 2.0);
}

#[test]
fn mono_has_no_colour_and_no_color_wins_over_the_config() {
    for (name, style) in named_styles(&Theme::of(Kind::Mono)) {
        assert!(style.fg.is_none() && style.bg.is_none(), "{name}: {style:?}");
    }
    let asked = std::cell::Cell::new(false);
    let theme = Theme::choose(ThemeChoice::Light, true, || {
        asked.set(true);
        Some(true)
    });
    assert_eq!(theme.kind, Kind::Mono);
    assert_eq!(Theme::choose(ThemeChoice::Auto, false, || Some(true)).kind, Kind::Light);
    assert_eq!(Theme::choose(ThemeChoice::Auto, false, || Some(false)).kind, Kind::Dark);
    // A terminal that does not answer: dark.
    assert_eq!(Theme::choose(ThemeChoice::Auto, false, || None).kind, Kind::Dark);
    assert_eq!(Theme::choose(ThemeChoice::Dark, false, || panic!("not asked")).kind, Kind::Dark);
    assert!(!asked.get(), "NO_COLOR never queries the terminal");
    // Secondary text is the terminal's own dim, in no theme a fixed grey.
    for kind in [Kind::Dark, Kind::Light, Kind::Mono] {
        let dim = Theme::of(kind).dim;
        assert!(dim.fg.is_none() && dim.add_modifier.contains(Modifier::DIM), "{kind:?}: {dim:?}");
    }
}

/// The buffer as text, then per row the style of each cell as a letter (`.` the default),
/// with the letters' styles listed at the end.
pub(super) fn styled_dump(buffer: &Buffer) -> String {
    let mut legend: Vec<(Color, Color, Modifier)> = Vec::new();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut text = String::new();
        let mut marks = String::new();
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            text.push_str(cell.symbol());
            let key = (cell.fg, cell.bg, cell.modifier);
            if key == (Color::Reset, Color::Reset, Modifier::empty()) {
                marks.push('.');
            } else {
                let i = legend.iter().position(|k| *k == key).unwrap_or_else(|| {
                    legend.push(key);
                    legend.len() - 1
                });
                marks.push(char::from(b'a' + (i % 26) as u8));
            }
        }
        out.push_str(&format!("{text}\n{marks}\n"));
    }
    for (i, (fg, bg, modifier)) in legend.iter().enumerate() {
        out.push_str(&format!("{}: fg {fg:?} bg {bg:?} {modifier:?}\n", char::from(b'a' + (i % 26) as u8)));
    }
    out
}

#[test]
fn screens_under_each_theme() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let t0 = Instant::now();
    // The walk done, the stretch selected: done, selected and open rows on one screen.
    send(&mut app, &[Msg::TickOff, Msg::Char('2'), Msg::Confirm, Msg::Down], t0);
    let mut today = Vec::new();
    for (name, kind) in [("dark", Kind::Dark), ("light", Kind::Light), ("mono", Kind::Mono)] {
        let theme = Theme::of(kind);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal.draw(|f| render_with(f, &app, t0, &theme)).unwrap();
        let dump = styled_dump(terminal.backend().buffer());
        insta::assert_snapshot!(format!("theme_today_{name}_80x24"), dump);
        today.push(dump);
    }
    // The same text in every theme: only the styles differ.
    let text = |d: &String| d.lines().step_by(2).take(24).collect::<Vec<_>>().join("\n");
    assert_eq!(text(&today[0]), text(&today[1]));
    assert_eq!(text(&today[0]), text(&today[2]));
    // The guided timer.
    send(&mut app, &[Msg::Confirm], t0);
    let at = t0 + Duration::from_millis(8_300);
    app.tick(t0 + Duration::from_millis(5_000), &wall());
    app.tick(at, &wall());
    for (name, kind) in [("dark", Kind::Dark), ("light", Kind::Light), ("mono", Kind::Mono)] {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal.draw(|f| render_with(f, &app, at, &Theme::of(kind))).unwrap();
        insta::assert_snapshot!(
            format!("theme_timer_{name}_80x24"),
            styled_dump(terminal.backend().buffer())
        );
    }
}
