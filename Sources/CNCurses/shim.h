#ifndef GAFFER_CNCURSES_SHIM_H
#define GAFFER_CNCURSES_SHIM_H
/* SwiftPM drops ncursesw.pc's -D flags; without this the wide-character API is hidden. */
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncurses.h>

static inline WINDOW *gaffer_stdscr(void) { return stdscr; }
static inline int gaffer_colors(void) { return COLORS; }
static inline int gaffer_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t gaffer_a_bold(void) { return A_BOLD; }
static inline attr_t gaffer_a_dim(void) { return A_DIM; }
static inline attr_t gaffer_a_reverse(void) { return A_REVERSE; }
static inline attr_t gaffer_a_underline(void) { return A_UNDERLINE; }
static inline attr_t gaffer_a_italic(void) { return A_ITALIC; }
static inline attr_t gaffer_a_normal(void) { return A_NORMAL; }
static inline int gaffer_key_f(int n) { return KEY_F(n); }
static inline int gaffer_codeset_is_utf8(void) {
  const char *cs = nl_langinfo(CODESET);
  return cs && (cs[0]=='U'||cs[0]=='u') && (cs[1]=='T'||cs[1]=='t') && (cs[2]=='F'||cs[2]=='f');
}
/* Mouse reporting: left-button presses and wheel turns, reported at once (no click resolution). */
static inline int gaffer_mouse_on(int on) {
  mmask_t wanted = on ? (BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED) : 0;
  mouseinterval(0);
  return mousemask(wanted, NULL) != 0;
}
/* The mouse event behind a KEY_MOUSE: 1 left press, 2 wheel up, 3 wheel down, 0 anything else. */
static inline int gaffer_read_mouse(int *x, int *y) {
  MEVENT event;
  if (getmouse(&event) != OK) return 0;
  *x = event.x;
  *y = event.y;
  if (event.bstate & BUTTON1_PRESSED) return 1;
  if (event.bstate & BUTTON4_PRESSED) return 2;
  if (event.bstate & BUTTON5_PRESSED) return 3;
  return 0;
}
/* term.h last: it defines capability macros (lines, bell, tab…) that nothing above may see. */
#include <stdlib.h>
#include <term.h>
/* Whether TERM can carry the screen, without touching the terminal or installing signal handlers:
   0 usable, 1 TERM unset or empty, 2 no terminfo entry for TERM, 3 TERM cannot move the cursor.
   Call it only while no curses screen exists: setupterm replaces the current terminal. */
static inline int gaffer_terminal_check(void) {
  const char *term = getenv("TERM");
  if (term == NULL || term[0] == 0) return 1;
  int found = 0;
  if (setupterm(term, 1, &found) != OK || found != 1) return 2;
  const char *cup = tigetstr("cup");
  int moves = cup != NULL && cup != (const char *)-1;
  del_curterm(cur_term);
  return moves ? 0 : 3;
}
#endif
