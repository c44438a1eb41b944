/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "lx-store.h"

G_BEGIN_DECLS

/* The reception-day notice (党代表接待日安排): the coming reception days of a
 * period, drawn with Cairo + Pango on A4 portrait (or any page a printer
 * gives), posted in advance. Rows have a fixed height, so how many fit on a
 * page is arithmetic and the same on paper, in the PDF and in the tests. */

#define LX_NOTICE_A4_WIDTH  595.0   /* points */
#define LX_NOTICE_A4_HEIGHT 842.0

typedef struct
{
  char *date;       /* YYYY-MM-DD */
  char *time;       /* "09:00–11:30" or "09:00" */
  char *place;
  char *people;     /* the representatives on duty */
  char *notes;      /* topics, or why the day moved */
} LxNoticeRow;

typedef struct
{
  char      *org_name;    /* the top organization, may be NULL */
  char      *phone;       /* the unit's contact phone (setting "unit_phone"), may be NULL */
  char      *from;        /* the period, ISO dates */
  char      *to;
  char      *issued_on;   /* ISO date */
  GPtrArray *rows;        /* LxNoticeRow, by date */
} LxNotice;

LxNotice *lx_notice_new              (const char   *from,
                                      const char   *to,
                                      const char   *issued_on);
void      lx_notice_free             (LxNotice     *notice);
void      lx_notice_add_row          (LxNotice     *notice,
                                      const char   *date,
                                      const char   *time,
                                      const char   *place,
                                      const char   *people,
                                      const char   *notes);

/* The reception days (kind reception_day, skipped occurrences left out,
 * moved ones on their new day) between @from and @to, inclusive. */
LxNotice *lx_notice_load             (LxStore      *store,
                                      const char   *from,
                                      const char   *to,
                                      const char   *today,
                                      GError      **error);
/* The default period: from @today to the same day next month. */
void      lx_notice_default_period   (const char   *today,
                                      char          from[11],
                                      char          to[11]);

/* Pagination: the first page carries the title block, the others only the
 * table header; every page keeps room for the footer. */
int       lx_notice_rows_on_page     (double        page_height,
                                      int           page);
int       lx_notice_count_pages      (guint         n_rows,
                                      double        page_height);

/* Draws page @page (from 0) on @cr, whose user space is points with the
 * page's top-left corner at the origin. */
void      lx_notice_draw_page        (const LxNotice *notice,
                                      cairo_t        *cr,
                                      double          page_width,
                                      double          page_height,
                                      int             page);
gboolean  lx_notice_write_pdf        (const LxNotice *notice,
                                      const char     *path,
                                      GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxNotice, lx_notice_free)

G_END_DECLS
