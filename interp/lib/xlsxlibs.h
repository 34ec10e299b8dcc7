/*
 * xlsxlibs.h -- libzip and libxlsxwriter, loaded on first use (dlopen).
 *
 * Both bring OpenSSL's libcrypto, whose 21,000 relocations are bound when a
 * program linked with it starts: linked, they cost every tenor start-up
 * about 1.5 ms (callgrind: 8.7M -> 15.0M instructions for `tenor -e ''`),
 * most of W0's budget. Only data.read_xlsx and the Excel writers need them,
 * so they are loaded then, and called through these tables (Z->zip_open for
 * zip_open, W->workbook_close for workbook_close). The sandboxed child may
 * load them too: Landlock lets it read the system libraries.
 */
#ifndef TN_XLSXLIBS_H
#define TN_XLSXLIBS_H

#include <xlsxwriter.h>
#include <zip.h>

#define TN_ZIP_FUNCS(X) \
    X(zip_discard) X(zip_error_code_zip) X(zip_error_fini) X(zip_error_init) \
    X(zip_error_init_with_code) X(zip_error_strerror) X(zip_fclose) X(zip_file_strerror) \
    X(zip_fopen) X(zip_fread) X(zip_name_locate) X(zip_open) X(zip_open_from_source) \
    X(zip_source_buffer_create) X(zip_source_free) X(zip_stat) X(zip_stat_init) X(zip_strerror)

#define TN_XLSXW_FUNCS(X) \
    X(format_set_bold) X(format_set_num_format) X(lxw_strerror) X(lxw_workbook_free) \
    X(workbook_add_format) X(workbook_add_worksheet) X(workbook_close) X(workbook_new_opt) \
    X(worksheet_freeze_panes) X(worksheet_set_column) X(worksheet_write_boolean) \
    X(worksheet_write_number) X(worksheet_write_string)

#define TN_LIB_FIELD(f) __typeof__(&f) f;
typedef struct tn_zip_api { TN_ZIP_FUNCS(TN_LIB_FIELD) } tn_zip_api;
typedef struct tn_xlsxw_api { TN_XLSXW_FUNCS(TN_LIB_FIELD) } tn_xlsxw_api;
#undef TN_LIB_FIELD

/* The loaded table, or NULL with *why set (which library, what failed). */
const tn_zip_api   *tn_zip_load(const char **why);
const tn_xlsxw_api *tn_xlsxw_load(const char **why);

#endif
