/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-notice"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "lx-event-repo.h"
#include "lx-notice.h"

/* Layout in points. Every row has the same height (two lines of text at
 * most, ellipsized), which keeps the pagination a matter of arithmetic. */
#define MARGIN_X       50.0
#define MARGIN_TOP     56.0
#define MARGIN_BOTTOM  44.0
#define TITLE_H       150.0   /* organization, title, period, introduction */
#define HEADER_H       44.0   /* two lines */
#define ROW_H          64.0   /* three lines of 9.5 pt CJK text */
#define FOOTER_H       90.0   /* contact phone, signature and date, page number */
#define CELL_PAD        5.0
#define FONT          "Sans"

/* Column widths as parts of the table's width. */
static const double column_parts[] = { 0.23, 0.17, 0.19, 0.23, 0.18 };

/* Data ------------------------------------------------------------------- */

static void
row_free (gpointer data)
{
  LxNoticeRow *row = data;

  g_free (row->date);
  g_free (row->time);
  g_free (row->place);
  g_free (row->people);
  g_free (row->notes);
  g_free (row);
}

LxNotice *
lx_notice_new (const char *from,
               const char *to,
               const char *issued_on)
{
  LxNotice *notice = g_new0 (LxNotice, 1);

  notice->from = g_strdup (from);
  notice->to = g_strdup (to);
  notice->issued_on = g_strdup (issued_on);
  notice->rows = g_ptr_array_new_with_free_func (row_free);
  return notice;
}

void
lx_notice_free (LxNotice *notice)
{
  if (notice == NULL)
    return;
  g_free (notice->org_name);
  g_free (notice->phone);
  g_free (notice->from);
  g_free (notice->to);
  g_free (notice->issued_on);
  g_ptr_array_unref (notice->rows);
  g_free (notice);
}

void
lx_notice_add_row (LxNotice   *notice,
                   const char *date,
                   const char *time,
                   const char *place,
                   const char *people,
                   const char *notes)
{
  LxNoticeRow *row = g_new0 (LxNoticeRow, 1);

  g_return_if_fail (notice != NULL && date != NULL);

  row->date = g_strdup (date);
  row->time = g_strdup (time);
  row->place = g_strdup (place);
  row->people = g_strdup (people);
  row->notes = g_strdup (notes);
  g_ptr_array_add (notice->rows, row);
}

void
lx_notice_default_period (const char *today,
                          char        from[11],
                          char        to[11])
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, atoi (today + 8), atoi (today + 5), atoi (today));
  if (!g_date_valid (&d))
    g_date_set_time_t (&d, time (NULL));
  g_snprintf (from, 11, "%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
  g_date_add_months (&d, 1);
  g_snprintf (to, 11, "%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
}

static char *
format_date (const char *iso)
{
  /* Translators: a date on the reception notice (year, month, day): "%d年%d月%d日" */
  return g_strdup_printf (_("%d-%02d-%02d"), atoi (iso), atoi (iso + 5), atoi (iso + 8));
}

static const char *
weekday_of (const char *iso)
{
  static const char * const names[] = {
    NULL, N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
    N_("Saturday"), N_("Sunday"),
  };
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, atoi (iso + 8), atoi (iso + 5), atoi (iso));
  return g_date_valid (&d) ? _(names[g_date_get_weekday (&d)]) : "";
}

static char *
time_of (LxOccurrence *o)
{
  if (o->ends_at != NULL && strncmp (o->ends_at, o->starts_at, 10) == 0)
    return g_strdup_printf ("%.5s–%.5s", o->starts_at + 11, o->ends_at + 11);
  if (o->ends_at != NULL)
    return g_strdup_printf ("%.5s–%.10s %.5s", o->starts_at + 11, o->ends_at, o->ends_at + 11);
  return g_strdup_printf ("%.5s", o->starts_at + 11);
}

/* "党代表接待日" on every row says nothing the notice's title does not. */
static gboolean
generic_title (const char *title)
{
  return title == NULL || *title == '\0' ||
         g_str_has_prefix (_("Reception Days of Party Representatives"), title) ||
         g_str_has_prefix (title, lx_event_kind_label ("reception_day")) ||
         g_str_equal (title, "党代表接待日");
}

static gboolean
add_occurrence (LxNotice      *notice,
                LxStore       *store,
                LxOccurrence  *o,
                GError       **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *notes = NULL;
  g_autofree char *point = NULL;
  g_autofree char *time = time_of (o);
  g_autofree char *text = NULL;
  char start[11];

  stmt = lx_store_prepare (store, "SELECT e.notes, cp.name FROM event e LEFT JOIN contact_point cp "
                                  "ON cp.id = e.contact_point_id WHERE e.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, o->event_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      notes = lx_column_dup (stmt, 0);
      point = lx_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);

  g_strlcpy (start, o->starts_at, sizeof start);
  if (o->moved)
    {
      g_autofree char *was = format_date (o->occurrence_on);
      /* Translators: on the reception notice, a day that was moved */
      g_autofree char *moved = g_strdup_printf (_("Moved from %s"), was);
      text = notes != NULL && *notes ? g_strdup_printf ("%s；%s", notes, moved) : g_steal_pointer (&moved);
    }
  else if (notes != NULL && *notes)
    text = g_strdup (notes);
  else if (!generic_title (o->title))
    text = g_strdup (o->title);
  lx_notice_add_row (notice, start, time,
                     o->place != NULL && *o->place ? o->place : point,
                     o->member_names, text);
  return TRUE;
}

LxNotice *
lx_notice_load (LxStore     *store,
                const char  *from,
                const char  *to,
                const char  *today,
                GError     **error)
{
  g_autoptr(LxNotice) notice = NULL;
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && to != NULL && today != NULL, NULL);

  notice = lx_notice_new (from, to, today);
  notice->phone = lx_store_get_setting (store, "unit_phone");
  stmt = lx_store_prepare (store, "SELECT name FROM organization WHERE parent_id IS NULL "
                                  "ORDER BY position, id LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    notice->org_name = lx_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  if ((list = lx_event_repo_list_occurrences (store, from, to, error)) == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      LxOccurrence *o = g_ptr_array_index (list, i);
      if (g_strcmp0 (o->kind, "reception_day") == 0 && !add_occurrence (notice, store, o, error))
        return NULL;
    }
  return g_steal_pointer (&notice);
}

/* Pagination -------------------------------------------------------------- */

int
lx_notice_rows_on_page (double page_height,
                        int    page)
{
  double room = page_height - MARGIN_TOP - MARGIN_BOTTOM - FOOTER_H - HEADER_H;

  if (page == 0)
    room -= TITLE_H;
  /* A page too small for one row still takes one, cut off, rather than
   * paginating for ever. */
  return MAX (1, (int)(room / ROW_H));
}

int
lx_notice_count_pages (guint  n_rows,
                       double page_height)
{
  guint first = lx_notice_rows_on_page (page_height, 0);
  guint other = lx_notice_rows_on_page (page_height, 1);

  if (n_rows <= first)
    return 1;
  return 1 + (int)((n_rows - first + other - 1) / other);
}

/* Drawing ------------------------------------------------------------------ */

/* The size of the title that fits on one line, 22 points at most. */
static int
title_size (cairo_t    *cr,
            const char *text,
            double      width)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  int size = 22, w, h;

  pango_layout_set_text (layout, text, -1);
  for (; size > 12; size -= 2)
    {
      g_autofree char *font = g_strdup_printf (FONT " Bold %d", size);
      g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

      pango_layout_set_font_description (layout, desc);
      pango_layout_get_size (layout, &w, &h);
      if (w / PANGO_SCALE <= width)
        break;
    }
  return size;
}

/* Draws @text in a box @width wide at (@x, @y), ellipsized to @max_height
 * points, or to -@max_height lines when negative (Pango's fitting by height
 * ignores the line spacing); returns the height used. */
static double
draw_text (cairo_t              *cr,
           const char           *text,
           const char           *font,
           double                x,
           double                y,
           double                width,
           PangoAlignment        align,
           double                max_height)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  int w, h;

  if (text == NULL || *text == '\0')
    return 0;
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  /* A height in units, not lines: CJK fonts with Latin fallbacks make
   * lines taller than the font size suggests, and a cell must not spill. */
  if (max_height != 0)
    {
      pango_layout_set_height (layout, max_height > 0 ? (int)(max_height * PANGO_SCALE) : (int)max_height);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  /* Latin fallbacks next to a CJK font make lines about twice the font
   * size apart; tighten them so that three fit in a row. */
  if (max_height < -1)
    pango_layout_set_line_spacing (layout, 0.8);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return (double)h / PANGO_SCALE;
}

static double
draw_title (const LxNotice *notice,
            cairo_t        *cr,
            double          width)
{
  double y = MARGIN_TOP, inner = width - 2 * MARGIN_X;
  g_autofree char *from = format_date (notice->from);
  g_autofree char *to = format_date (notice->to);
  /* Translators: the period of the reception notice: "2026年11月26日至2026年12月26日" */
  g_autofree char *period = g_strdup_printf (_("%s to %s"), from, to);
  const char *title = _("Reception Days of Party Representatives");
  g_autofree char *font = NULL;

  if (notice->org_name != NULL)
    y += draw_text (cr, notice->org_name, FONT " 13", MARGIN_X, y, inner, PANGO_ALIGN_CENTER, -1) + 6;
  font = g_strdup_printf (FONT " Bold %d", title_size (cr, title, inner));
  cairo_set_source_rgb (cr, 0.75, 0.05, 0.05);
  y += draw_text (cr, title, font, MARGIN_X, y, inner, PANGO_ALIGN_CENTER, -1) + 8;
  cairo_set_source_rgb (cr, 0, 0, 0);
  y += draw_text (cr, period, FONT " 11", MARGIN_X, y, inner, PANGO_ALIGN_CENTER, -1) + 12;
  draw_text (cr, _("To hear the opinions and wishes of the masses and help solve their problems, "
                   "the party representatives receive visitors on the days below. Everyone is "
                   "welcome to come, raise problems and make suggestions."),
             FONT " 10.5", MARGIN_X, y, inner, PANGO_ALIGN_LEFT, -3);
  return MARGIN_TOP + TITLE_H;
}

static void
draw_cells (cairo_t     *cr,
            const char **texts,
            const char  *font,
            double       width,
            double       y,
            double       height,
            int          lines)
{
  double x = MARGIN_X, inner = width - 2 * MARGIN_X;

  for (guint c = 0; c < G_N_ELEMENTS (column_parts); c++)
    {
      double w = inner * column_parts[c];

      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, 0.6);
      cairo_rectangle (cr, x, y, w, height);
      cairo_stroke (cr);
      draw_text (cr, texts[c], font, x + CELL_PAD, y + CELL_PAD - 1, w - 2 * CELL_PAD,
                 PANGO_ALIGN_LEFT, -lines);
      x += w;
    }
}

static void
draw_header (cairo_t *cr,
             double   width,
             double   y)
{
  const char *labels[] = { _("Date"), _("Time"), _("Place"), _("Representatives on Duty"),
                           _("Topics and Notes") };

  cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
  cairo_rectangle (cr, MARGIN_X, y, width - 2 * MARGIN_X, HEADER_H);
  cairo_fill (cr);
  draw_cells (cr, labels, FONT " Bold 10", width, y, HEADER_H, 2);
}

/* A name broken over two lines reads as two people: WORD JOINERs keep
 * each name whole, so lines break only after the separators. */
static char *
keep_names_whole (const char *names)
{
  GString *out = g_string_new (NULL);

  for (const char *p = names; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p), next = g_utf8_get_char (g_utf8_next_char (p));

      g_string_append_unichar (out, c);
      if (next != 0 && !g_unichar_isspace (c) && !g_unichar_isspace (next) &&
          c != 0x3001 && next != 0x3001 && c != ',' && next != ',')   /* 、 */
        g_string_append_unichar (out, 0x2060);
    }
  return g_string_free (out, FALSE);
}

static void
draw_row (cairo_t           *cr,
          const LxNoticeRow *row,
          double             width,
          double             y)
{
  g_autofree char *date = format_date (row->date);
  g_autofree char *day = g_strdup_printf ("%s\n%s", date, weekday_of (row->date));
  g_autofree char *people = keep_names_whole (row->people);
  const char *texts[] = { day, row->time, row->place, people, row->notes };

  draw_cells (cr, texts, FONT " 9.5", width, y, ROW_H, 3);
}

static void
draw_footer (const LxNotice *notice,
             cairo_t        *cr,
             double          width,
             double          height,
             int             page,
             int             n_pages)
{
  double inner = width - 2 * MARGIN_X;
  double y = height - MARGIN_BOTTOM - FOOTER_H + 14;
  /* Translators: the page number at the foot of the reception notice: "第1页 共2页" */
  g_autofree char *number = g_strdup_printf (_("Page %d of %d"), page + 1, n_pages);

  if (page == n_pages - 1)
    {
      g_autofree char *issued = format_date (notice->issued_on);
      g_autofree char *phone = NULL;

      if (notice->phone != NULL && *notice->phone != '\0')
        {
          /* Translators: on the reception notice */
          phone = g_strdup_printf (_("Contact phone: %s"), notice->phone);
          draw_text (cr, phone, FONT " 10.5", MARGIN_X, y, inner, PANGO_ALIGN_LEFT, -1);
        }
      if (notice->org_name != NULL)
        y += draw_text (cr, notice->org_name, FONT " 10.5", MARGIN_X, y, inner, PANGO_ALIGN_RIGHT, -1) + 4;
      else
        y += 18;
      draw_text (cr, issued, FONT " 10.5", MARGIN_X, y, inner, PANGO_ALIGN_RIGHT, -1);
    }
  draw_text (cr, number, FONT " 9", MARGIN_X, height - MARGIN_BOTTOM - 12, inner, PANGO_ALIGN_CENTER, -1);
}

void
lx_notice_draw_page (const LxNotice *notice,
                     cairo_t        *cr,
                     double          page_width,
                     double          page_height,
                     int             page)
{
  int n_pages, first = 0;
  double y;

  g_return_if_fail (notice != NULL && cr != NULL);

  n_pages = lx_notice_count_pages (notice->rows->len, page_height);
  for (int p = 0; p < page; p++)
    first += lx_notice_rows_on_page (page_height, p);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  y = page == 0 ? draw_title (notice, cr, page_width) : MARGIN_TOP;
  draw_header (cr, page_width, y);
  y += HEADER_H;
  if (notice->rows->len == 0)
    draw_text (cr, _("No reception days are planned in this period."), FONT " 10.5",
               MARGIN_X + CELL_PAD, y + CELL_PAD, page_width - 2 * MARGIN_X, PANGO_ALIGN_LEFT, -1);
  for (int i = 0; i < lx_notice_rows_on_page (page_height, page) && first + i < (int)notice->rows->len; i++)
    {
      draw_row (cr, g_ptr_array_index (notice->rows, first + i), page_width, y);
      y += ROW_H;
    }
  draw_footer (notice, cr, page_width, page_height, page, n_pages);
  cairo_restore (cr);
}

gboolean
lx_notice_write_pdf (const LxNotice  *notice,
                     const char      *path,
                     GError         **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  int n_pages;

  g_return_val_if_fail (notice != NULL && path != NULL, FALSE);

  n_pages = lx_notice_count_pages (notice->rows->len, LX_NOTICE_A4_HEIGHT);
  surface = cairo_pdf_surface_create (path, LX_NOTICE_A4_WIDTH, LX_NOTICE_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  _("Reception Days of Party Representatives"));
  cr = cairo_create (surface);
  for (int p = 0; p < n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; p++)
    {
      lx_notice_draw_page (notice, cr, LX_NOTICE_A4_WIDTH, LX_NOTICE_A4_HEIGHT, p);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write the notice to “%s”: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
