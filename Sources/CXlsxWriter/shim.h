#ifndef CXLSXWRITER_SHIM_H
#define CXLSXWRITER_SHIM_H

/* libxlsxwriter (Debian libxlsxwriter-dev: headers in /usr/include, the library
 * libxlsxwriter.so.4 in the runtime package libxlsxwriter4).
 *
 * hq does not link the library: it loads it with dlopen the first time a workbook is
 * written. Linking it made every start of hq ~6 % slower (7.7 M more instructions, measured
 * with callgrind), spent by the dynamic loader resolving every symbol of the program past
 * two more libraries (libxlsxwriter and its libz), for a feature most runs never use. So the
 * headers give the types and the functions' shapes, and cxlsx_load fills a table of the few
 * functions hq calls. Every call is in Sources/HQShell/Output/XLSXWorkbook.swift. */
#include <xlsxwriter.h>
#include <dlfcn.h>
#include <stddef.h>

typedef struct cxlsx_api {
    lxw_workbook *(*workbook_new)(const char *filename);
    lxw_worksheet *(*workbook_add_worksheet)(lxw_workbook *workbook, const char *sheetname);
    lxw_format *(*workbook_add_format)(lxw_workbook *workbook);
    lxw_error (*workbook_close)(lxw_workbook *workbook);
    void (*format_set_bold)(lxw_format *format);
    void (*format_set_num_format)(lxw_format *format, const char *num_format);
    lxw_error (*worksheet_write_string)(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col,
                                        const char *string, lxw_format *format);
    lxw_error (*worksheet_write_number)(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col,
                                        double number, lxw_format *format);
    lxw_error (*worksheet_write_boolean)(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col,
                                         int value, lxw_format *format);
    void (*worksheet_freeze_panes)(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col);
    lxw_error (*worksheet_set_column)(lxw_worksheet *worksheet, lxw_col_t first_col,
                                      lxw_col_t last_col, double width, lxw_format *format);
    char *(*lxw_strerror)(lxw_error error_num);
} cxlsx_api;

/* Loads libxlsxwriter and fills `api`. Returns 1 on success; 0 with `*error` set to the
 * loader's message (or the missing function's name) when the library or a function is not
 * there. The library stays loaded for the life of the process. */
static inline int cxlsx_load(cxlsx_api *api, const char **error) {
    void *library = dlopen("libxlsxwriter.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) library = dlopen("libxlsxwriter.so", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        *error = dlerror();
        return 0;
    }
#define CXLSX_BIND(name)                                              \
    *(void **)(&api->name) = dlsym(library, #name);                   \
    if (api->name == NULL) { *error = #name; return 0; }
    CXLSX_BIND(workbook_new)
    CXLSX_BIND(workbook_add_worksheet)
    CXLSX_BIND(workbook_add_format)
    CXLSX_BIND(workbook_close)
    CXLSX_BIND(format_set_bold)
    CXLSX_BIND(format_set_num_format)
    CXLSX_BIND(worksheet_write_string)
    CXLSX_BIND(worksheet_write_number)
    CXLSX_BIND(worksheet_write_boolean)
    CXLSX_BIND(worksheet_freeze_panes)
    CXLSX_BIND(worksheet_set_column)
    CXLSX_BIND(lxw_strerror)
#undef CXLSX_BIND
    return 1;
}

#endif
