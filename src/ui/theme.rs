//! The named styles of every screen, in one place: a dark and a light palette and mono.
//! Secondary text is the terminal's own DIM of its default colour (never a fixed grey, which is
//! the background itself on Solarized Dark). The dark theme uses only the normal named colours
//! that keep 4.5:1 on a dark background in the stock xterm and Solarized palettes (cyan, green,
//! yellow); the light theme uses fixed colours of the 256-colour cube that keep 4.5:1 on white
//! and on Solarized Light. A warning is bold and underlined in the terminal's own colour, so it
//! is readable everywhere. NO_COLOR, or `theme = "mono"`, gives no colours at all; the selection
//! stays visible through REVERSED + BOLD and the `▶` marker.

use std::sync::OnceLock;

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeChoice;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub title: Style,
    pub dim: Style,
    pub done: Style,
    pub accent: Style,
    pub warn: Style,
    pub selected: Style,
    pub gauge: Style,
    pub flash: Style,
    /// The lines of a chart: each also has its own marker, so none is told by colour alone.
    pub series: [Style; 6],
    /// The main line of a chart (check-in pain).
    pub strong: Style,
    /// Which palette this is (for tests and `doctor`).
    pub kind: Kind,
}

/// The three palettes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Dark,
    Light,
    Mono,
}

/// The theme chosen at start (by `set`); `Theme::current` falls back to the environment.
static CHOSEN: OnceLock<Theme> = OnceLock::new();

fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

fn dim() -> Style {
    Style::new().add_modifier(Modifier::DIM)
}

fn warn() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

fn reversed() -> Style {
    Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
}

impl Theme {
    /// Dark (the default) or, with `no_color`, mono.
    pub fn new(no_color: bool) -> Theme {
        if no_color { Theme::of(Kind::Mono) } else { Theme::of(Kind::Dark) }
    }

    pub fn of(kind: Kind) -> Theme {
        match kind {
            Kind::Mono => Theme {
                title: bold(),
                dim: dim(),
                done: Style::new(),
                accent: bold(),
                warn: warn(),
                selected: reversed(),
                gauge: Style::new(),
                flash: reversed(),
                series: [Style::new(); 6],
                strong: bold(),
                kind,
            },
            Kind::Dark => {
                let fg = |c| Style::new().fg(c);
                Theme {
                    title: bold().fg(Color::Cyan),
                    dim: dim(),
                    done: fg(Color::Green),
                    accent: bold().fg(Color::Yellow),
                    warn: warn(),
                    selected: reversed().fg(Color::Cyan),
                    gauge: fg(Color::Green),
                    flash: fg(Color::Yellow).add_modifier(Modifier::REVERSED),
                    series: [
                        Color::Cyan,
                        Color::Green,
                        Color::Yellow,
                        Color::White,
                        Color::Cyan,
                        Color::Green,
                    ]
                    .map(fg),
                    strong: bold().fg(Color::Yellow),
                    kind,
                }
            }
            Kind::Light => {
                // xterm-256 cube colours: 24 = #005f87, 22 = #005f00, 94 = #875f00,
                // 124 = #af0000, 53 = #5f005f, 88 = #870000.
                let fg = |i| Style::new().fg(Color::Indexed(i));
                Theme {
                    title: bold().fg(Color::Indexed(24)),
                    dim: dim(),
                    done: fg(22),
                    accent: bold().fg(Color::Indexed(94)),
                    warn: warn().fg(Color::Indexed(124)),
                    selected: reversed(),
                    gauge: fg(22),
                    flash: fg(94).add_modifier(Modifier::REVERSED),
                    series: [24, 22, 94, 53, 88, 24].map(fg),
                    strong: bold().fg(Color::Indexed(124)),
                    kind,
                }
            }
        }
    }

    /// The theme for `choice`: NO_COLOR wins, `auto` asks `background` (true: light).
    pub fn choose(choice: ThemeChoice, no_color: bool, background: impl FnOnce() -> Option<bool>) -> Theme {
        let kind = match choice {
            _ if no_color => Kind::Mono,
            ThemeChoice::Mono => Kind::Mono,
            ThemeChoice::Dark => Kind::Dark,
            ThemeChoice::Light => Kind::Light,
            ThemeChoice::Auto => match background() {
                Some(true) => Kind::Light,
                _ => Kind::Dark,
            },
        };
        Theme::of(kind)
    }

    /// From the environment: <https://no-color.org> — set and non-empty disables colour.
    pub fn from_env() -> Theme {
        Theme::new(no_color())
    }

    /// The theme `set` at start, else the one from the environment.
    pub fn current() -> Theme {
        CHOSEN.get().copied().unwrap_or_else(Theme::from_env)
    }

    /// Chooses the theme for this run from the config's `theme` key: with `auto`, the
    /// terminal is asked for its background (only when stdout is a terminal, with a short
    /// timeout: a terminal that does not answer gets the dark theme, never a hang).
    pub fn set(choice: ThemeChoice) -> Theme {
        let theme = Theme::choose(choice, no_color(), detect_light);
        let _ = CHOSEN.set(theme);
        theme
    }
}

pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Whether the terminal's background is light; `None` when stdout is not a terminal or the
/// terminal does not say within the timeout.
pub fn detect_light() -> Option<bool> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        return None;
    }
    let mut options = terminal_colorsaurus::QueryOptions::default();
    options.timeout = std::time::Duration::from_millis(300);
    terminal_colorsaurus::theme_mode(options).ok().map(|m| m == terminal_colorsaurus::ThemeMode::Light)
}
