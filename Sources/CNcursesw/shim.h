// The wide-character curses API: without these two defines before the include, cchar_t,
// wadd_wch, waddnwstr and wget_wch are not declared (SwiftPM drops pkg-config's -D flags).
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>

// Macros and globals Swift cannot import as they are.
static inline WINDOW *rapport_stdscr(void) { return stdscr; }
static inline int rapport_lines(void) { return LINES; }
static inline int rapport_cols(void) { return COLS; }
static inline int rapport_height(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int rapport_width(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }
static inline attr_t rapport_a_normal(void) { return A_NORMAL; }
static inline attr_t rapport_a_bold(void) { return A_BOLD; }
static inline attr_t rapport_a_reverse(void) { return A_REVERSE; }
static inline attr_t rapport_a_dim(void) { return A_DIM; }
static inline attr_t rapport_a_underline(void) { return A_UNDERLINE; }
static inline attr_t rapport_color_pair(short n) { return COLOR_PAIR(n); }
static inline int rapport_key_resize(void) { return KEY_RESIZE; }
