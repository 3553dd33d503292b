//! How a desk-break notification reaches the user, decided from the environment once (pure:
//! the caller reads the variables and the PATH). The terminal's OSC 9 goes through tmux's
//! passthrough when `$TMUX` is set (tmux drops it otherwise); a desktop notification goes out
//! through notify-rust where a desktop session exists (a D-Bus session bus on Linux and the
//! BSDs, the notification centre on macOS).
//! `upright breaks` sends by it and `upright doctor` reports it.

/// What the environment offers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Env {
    /// `$TMUX` is set: the terminal sequences must pass through tmux.
    pub tmux: bool,
    /// A graphical session: `$DISPLAY`, `$WAYLAND_DISPLAY` or a session bus; always on macOS.
    pub desktop: bool,
    /// How a desktop notification is sent, if it can be: notify-rust over the session bus
    /// (or macOS's notification centre).
    pub notifier: Option<&'static str>,
    /// Standard output is a terminal (the OSC 9 and the bell reach one).
    pub terminal: bool,
    /// Inside tmux: whether it passes the OSC 9 on (`allow-passthrough`), when asked.
    pub passthrough: Option<bool>,
}

impl Env {
    /// From this process's environment.
    pub fn current() -> Env {
        use std::io::IsTerminal;
        let set = |var: &str| std::env::var_os(var).is_some_and(|v| !v.is_empty());
        let mac = cfg!(target_os = "macos");
        // notify-rust speaks D-Bus itself: it needs the session bus, not a program on the PATH.
        let bus = mac || set("DBUS_SESSION_BUS_ADDRESS") || std::path::Path::new(&bus_socket()).exists();
        Env {
            tmux: set("TMUX"),
            desktop: mac || set("DISPLAY") || set("WAYLAND_DISPLAY"),
            notifier: bus.then_some(if mac { "the notification centre" } else { "the D-Bus session bus" }),
            terminal: std::io::stdout().is_terminal(),
            passthrough: None,
        }
    }

    /// Asks tmux (inside tmux) whether it passes escape sequences on: `upright doctor` only.
    pub fn with_tmux_check(mut self) -> Env {
        if self.tmux {
            let out = std::process::Command::new("tmux")
                .args(["show-options", "-gv", "allow-passthrough"])
                .stderr(std::process::Stdio::null())
                .output();
            self.passthrough = out.ok().filter(|o| o.status.success()).map(|o| {
                let value = String::from_utf8_lossy(&o.stdout);
                value.trim() == "on" || value.trim() == "all"
            });
        }
        self
    }

    /// The desktop notifier to run, if a desktop session exists and has one.
    pub fn desktop_notifier(&self) -> Option<&'static str> {
        self.notifier.filter(|_| self.desktop)
    }

    /// Each route a notification takes, as a line saying whether it works and what to do.
    pub fn report(&self) -> Vec<(bool, String)> {
        let mut lines = Vec::new();
        if !self.terminal {
            lines.push((false, "bell and OSC 9: stdout is not a terminal here (they work where `upright breaks` runs in one)".into()));
        } else if self.tmux {
            lines.push(match self.passthrough {
                Some(true) => {
                    (true, "bell, and OSC 9 through tmux's passthrough (allow-passthrough is on)".into())
                }
                Some(false) => (
                    false,
                    "bell only: tmux drops the OSC 9; add `set -g allow-passthrough on` to ~/.tmux.conf"
                        .into(),
                ),
                None => (
                    false,
                    "bell; OSC 9 through tmux only with `set -g allow-passthrough on` (tmux 3.3+)".into(),
                ),
            });
        } else {
            lines.push((
                true,
                "bell and OSC 9 in this terminal (shown by iTerm2, kitty, WezTerm, foot, Windows Terminal)"
                    .into(),
            ));
        }
        match (self.desktop, self.notifier) {
            (true, Some(notifier)) => lines.push((true, format!("desktop notification via {notifier}"))),
            (true, None) => lines.push((
                false,
                "no desktop notification: no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS) to send it on"
                    .into(),
            )),
            (false, _) => lines.push((
                false,
                "no desktop notification: no desktop session (DISPLAY, WAYLAND_DISPLAY) here".into(),
            )),
        }
        lines
    }
}

/// The OSC 9 notification for `text`, wrapped in tmux's DCS passthrough (every ESC doubled)
/// when inside tmux.
pub fn osc9(text: &str, tmux: bool) -> String {
    let text: String = text.chars().filter(|c| !c.is_control()).collect();
    let osc = format!("\x1b]9;{text}\x07");
    if tmux { format!("\x1bPtmux;{}\x1b\\", osc.replace('\x1b', "\x1b\x1b")) } else { osc }
}

/// Shows `title`/`body` on the desktop (blocking: call it off the loop's thread).
pub fn desktop(title: &str, body: &str) -> bool {
    notify_rust::Notification::new().appname("upright").summary(title).body(body).show().is_ok()
}

/// Where the session bus usually listens when `DBUS_SESSION_BUS_ADDRESS` is not set.
fn bus_socket() -> String {
    let runtime = std::env::var("XDG_RUNTIME_DIR").unwrap_or_default();
    if runtime.is_empty() { String::new() } else { format!("{runtime}/bus") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc9_passes_through_tmux_with_every_escape_doubled() {
        assert_eq!(osc9("break", false), "\x1b]9;break\x07");
        assert_eq!(osc9("break", true), "\x1bPtmux;\x1b\x1b]9;break\x07\x1b\\");
        // A control character in the text cannot end the sequence early.
        assert_eq!(osc9("a\x07b\x1b", false), "\x1b]9;ab\x07");
    }

    #[test]
    fn the_desktop_route_needs_a_session_and_a_notifier() {
        let env =
            |desktop, notifier| Env { tmux: false, desktop, notifier, terminal: true, passthrough: None };
        assert_eq!(env(true, Some("the bus")).desktop_notifier(), Some("the bus"));
        assert_eq!(env(false, Some("the bus")).desktop_notifier(), None);
        assert_eq!(env(true, None).desktop_notifier(), None);
        let report = env(true, None).report();
        assert!(report[1].1.contains("no D-Bus session bus"), "{report:?}");
        let tmux = Env { tmux: true, passthrough: Some(true), ..env(true, Some("the bus")) }.report();
        assert!(tmux[0].0 && tmux[0].1.contains("tmux"), "{tmux:?}");
        let dropped = Env { tmux: true, passthrough: Some(false), ..env(true, None) }.report();
        assert!(!dropped[0].0 && dropped[0].1.contains("allow-passthrough on"), "{dropped:?}");
    }
}
