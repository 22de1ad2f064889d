#ifndef HQ_CLIBEDIT_SHIM_H
#define HQ_CLIBEDIT_SHIM_H
// libedit's el_set/el_get/history are C variadics, which Swift cannot call: each operation
// hq needs gets a typed static inline wrapper here. Standard streams are passed from C too,
// because Swift 6 rejects glibc's global stdin/stdout/stderr.
#include <stdio.h>
#include <histedit.h>

static inline EditLine *clibedit_init(const char *prog) {
  return el_init(prog, stdin, stdout, stderr);
}

#endif
