//! Ctrl-Z: in raw mode the terminal does not stop the program itself, so the key arrives here.
//! The terminal is handed back (raw mode off, the alternate screen left, the cursor shown),
//! the process stops itself with SIGTSTP as the shell expects, and on `fg` (SIGCONT) the
//! terminal is taken again and the whole screen drawn afresh.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::DefaultTerminal;

/// Ctrl-Z pressed.
pub fn is_suspend(key: &KeyEvent) -> bool {
    key.kind != KeyEventKind::Release
        && key.modifiers.contains(KeyModifiers::CONTROL)
        && key.code == KeyCode::Char('z')
}

/// Hands the terminal back, stops until continued, then takes it again for a full redraw.
pub fn suspend(terminal: &mut DefaultTerminal) -> std::io::Result<()> {
    ratatui::restore();
    crossterm::execute!(std::io::stdout(), crossterm::cursor::Show)?;
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    // Continued (fg): the terminal as the app needs it, and every cell drawn again.
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(
        std::io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
        crossterm::cursor::Hide
    )?;
    // An empty frame makes the next one draw every cell (`Terminal::clear` would ask the
    // terminal for the cursor, and the input thread would take the answer).
    terminal.draw(|_| {})?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn only_ctrl_z_suspends() {
        assert!(super::is_suspend(&KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL)));
        assert!(!super::is_suspend(&KeyEvent::new(KeyCode::Char('z'), KeyModifiers::NONE)));
        assert!(!super::is_suspend(&KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)));
    }
}
