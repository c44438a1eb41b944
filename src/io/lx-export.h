/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lx-demo.h"
#include "lx-store.h"

G_BEGIN_DECLS

#define LX_EXPORT_ERROR (lx_export_error_quark ())

typedef enum
{
  LX_EXPORT_ERROR_PERIOD,   /* the period cannot be read */
  LX_EXPORT_ERROR_ORG,      /* no such organization */
  LX_EXPORT_ERROR_WRITE,    /* libxlsxwriter or the file system failed */
} LxExportError;

typedef enum
{
  LX_PERIOD_YEAR,
  LX_PERIOD_QUARTER,
  LX_PERIOD_MONTH,
  LX_PERIOD_CUSTOM,
} LxPeriodKind;

/* A reporting period: whole days from @from to @to, both included. */
typedef struct
{
  LxPeriodKind kind;
  int          year;      /* the year of @from */
  int          number;    /* the quarter (1–4) or month (1–12); 0 otherwise */
  char         from[11];  /* ISO dates */
  char         to[11];
} LxPeriod;

GQuark    lx_export_error_quark  (void);

/* "2026", "2026-Q3", "2026-05" or "2026-01-01..2026-06-30". */
gboolean  lx_period_parse        (const char      *text,
                                  LxPeriod        *out,
                                  GError         **error);
/* Builds a period of @kind; @number is the quarter or month. */
gboolean  lx_period_init         (LxPeriod        *out,
                                  LxPeriodKind     kind,
                                  int              year,
                                  int              number,
                                  GError         **error);
/* "2026年第三季度"-style label in the interface language. */
char     *lx_period_dup_label    (const LxPeriod  *period);

typedef struct
{
  LxPeriod  period;
  gint64    org_id;     /* 0: the whole unit; else this organization and its subtree */
  gboolean  unmasked;   /* write phone and ID numbers in full */
  const char *today;    /* ISO date; NULL: lx_date_today () */
} LxExportOptions;

/* Writes the workbook to @path (through @path.part, renamed at the end, so
 * that a failed or cancelled export leaves no file). @progress is called on
 * the calling thread. */
gboolean  lx_export_workbook     (LxStore               *store,
                                  const LxExportOptions *options,
                                  const char            *path,
                                  LxProgressFunc         progress,
                                  gpointer               user_data,
                                  GCancellable          *cancellable,
                                  GError               **error);

/* The same in a GTask thread with its own connection to @database_path.
 * @progress is called in the thread-default main context of the caller. */
void      lx_export_run_async    (const char            *database_path,
                                  const LxExportOptions *options,
                                  const char            *path,
                                  LxProgressFunc         progress,
                                  gpointer               progress_data,
                                  GCancellable          *cancellable,
                                  GAsyncReadyCallback    callback,
                                  gpointer               user_data);
gboolean  lx_export_run_finish   (GAsyncResult          *result,
                                  GError               **error);

G_END_DECLS
