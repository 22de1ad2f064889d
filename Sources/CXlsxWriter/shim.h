#ifndef CXLSXWRITER_SHIM_H
#define CXLSXWRITER_SHIM_H

/* libxlsxwriter (Debian libxlsxwriter-dev; pkg-config name `xlsxwriter`, which gives
 * -lxlsxwriter -lz). Its API has no C variadic functions, so Swift calls it directly; the
 * calls are all in Sources/HQShell/Output/XLSXWorkbook.swift. */
#include <xlsxwriter.h>

#endif
