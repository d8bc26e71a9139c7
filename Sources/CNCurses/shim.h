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
#endif
