#ifndef HQ_CLIBEDIT_SHIM_H
#define HQ_CLIBEDIT_SHIM_H
// libedit's el_set/el_get/history are C variadics, which Swift cannot call: each operation
// hq needs gets a typed static inline wrapper here. Standard streams are passed from C too,
// because Swift 6 rejects glibc's global stdin/stdout/stderr.
// See /work/shared/notes/libedit-on-linux.md for why each piece is as it is.
#include <stdio.h>
#include <signal.h>
#include <histedit.h>

static inline EditLine *clibedit_init(const char *prog) {
  return el_init(prog, stdin, stdout, stderr);
}

typedef char *(*clibedit_prompt_fn)(EditLine *);
typedef unsigned char (*clibedit_cmd_fn)(EditLine *, int);

static inline int clibedit_set_prompt(EditLine *el, clibedit_prompt_fn fn) {
  return el_set(el, EL_PROMPT, fn);
}
static inline int clibedit_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}
static inline int clibedit_set_signal(EditLine *el, int on) {
  return el_set(el, EL_SIGNAL, on);
}
static inline int clibedit_set_clientdata(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}
static inline void *clibedit_get_clientdata(EditLine *el) {
  void *data = NULL;
  if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
  return data;
}
static inline int clibedit_add_function(EditLine *el, const char *name, const char *help,
                                        clibedit_cmd_fn fn) {
  return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int clibedit_bind(EditLine *el, const char *key, const char *command) {
  return el_set(el, EL_BIND, key, command, (const char *)NULL);
}
/* Like the `setty` builtin, e.g. ("-d", "-isig"): clear ISIG while editing, so ^C is a key. */
static inline int clibedit_setty(EditLine *el, const char *mode, const char *flag) {
  return el_set(el, EL_SETTY, mode, flag, (const char *)NULL);
}
static inline int clibedit_set_history(EditLine *el, History *h) {
  return el_set(el, EL_HIST, history, h);
}
static inline int clibedit_history_setsize(History *h, int n) {
  HistEvent ev; return history(h, &ev, H_SETSIZE, n);
}
static inline int clibedit_history_setunique(History *h, int on) {
  HistEvent ev; return history(h, &ev, H_SETUNIQUE, on);
}
static inline int clibedit_history_enter(History *h, const char *line) {
  HistEvent ev; return history(h, &ev, H_ENTER, line);
}
static inline int clibedit_history_load(History *h, const char *path) {
  HistEvent ev; return history(h, &ev, H_LOAD, path);
}
static inline int clibedit_history_save(History *h, const char *path) {
  HistEvent ev; return history(h, &ev, H_SAVE, path);
}
/* Writes to the terminal libedit draws on (for listing completion candidates). */
static inline void clibedit_print(const char *text) {
  fputs(text, stdout);
  fflush(stdout);
}
/* The bytes of the edit buffer before the cursor. */
static inline int clibedit_cursor_offset(EditLine *el) {
  const LineInfo *li = el_line(el);
  return (int)(li->cursor - li->buffer);
}
static inline const char *clibedit_buffer(EditLine *el) {
  return el_line(el)->buffer;
}
static inline int clibedit_buffer_length(EditLine *el) {
  const LineInfo *li = el_line(el);
  return (int)(li->lastchar - li->buffer);
}

#endif
