//! The week screen with an empty vs a 10-year log: opening it (loading its 12 weeks, the streak
//! from cached weeks) and drawing a frame, which only reads the prepared data.
//! `cargo bench --bench week`; under `cargo test` one quick round.

mod common;

use std::time::{Duration, Instant};

use common::{NOW, generate};
use jiff::civil::Date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use upright::app::{App, Mode, Msg, TestHooks};
use upright::catalog::Catalog;
use upright::config::Settings;
use upright::ctx::Ctx;
use upright::state::Store;
use upright::ui::{Theme, render_with};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// The app on `data` at the pinned time, past the first run.
fn app(data: &std::path::Path) -> App {
    let now: jiff::Zoned = NOW.parse().unwrap();
    let settings = Settings::default();
    let today = settings.coaching_date(&now);
    let store = Store::open(data);
    let ctx =
        Ctx { catalog: Catalog::builtin(), settings, store, now, today, config_path: data.join("none.toml") };
    let mut app = App::new(ctx, false, TestHooks::default()).unwrap();
    app.mode = Mode::Today;
    app
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let (runs, years) = if full { (51, 10) } else { (1, 1) };
    let dir = tempfile::tempdir().unwrap();
    let (empty, long) = (dir.path().join("empty"), dir.path().join("long"));
    std::fs::create_dir_all(&empty).unwrap();
    generate(&long, years, Date::constant(2026, 11, 23));
    app(&long); // the first start builds the index
    let wall: jiff::Zoned = NOW.parse().unwrap();
    for (label, data) in [("empty", &empty), ("10-year", &long)] {
        let open = median(
            (0..runs)
                .map(|_| {
                    let mut app = app(data);
                    let start = Instant::now();
                    app.update(Msg::Week, Instant::now(), &wall);
                    start.elapsed()
                })
                .collect(),
        );
        let mut app = app(data);
        app.update(Msg::Week, Instant::now(), &wall);
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        let theme = Theme::new(false);
        let draw = median(
            (0..runs * 4)
                .map(|_| {
                    let start = Instant::now();
                    terminal.draw(|f| render_with(f, &app, Instant::now(), &theme)).unwrap();
                    start.elapsed()
                })
                .collect(),
        );
        println!("week screen, {label:>7} log: open {open:>9.2?}, draw a frame {draw:>9.2?}");
    }
}
