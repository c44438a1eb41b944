/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-notice-ics"

#include "config.h"

#include <string.h>

#include <cairo.h>
#include <libical/ical.h>

#include "lx-event-delete.h"
#include "lx-event-repo.h"
#include "lx-ics.h"
#include "lx-notice.h"
#include "lx-test-util.h"

/* Issue 4: the reception-day notice, the iCalendar export, and deleting
 * events with undo. */

/* Pagination: A4 (842 pt high) holds 7 rows under the title block and 9
 * on later pages; US Letter (792 pt) 6 and 8. */
static void
test_pagination (void)
{
  g_assert_cmpint (lx_notice_rows_on_page (LX_NOTICE_A4_HEIGHT, 0), ==, 7);
  g_assert_cmpint (lx_notice_rows_on_page (LX_NOTICE_A4_HEIGHT, 1), ==, 9);
  g_assert_cmpint (lx_notice_rows_on_page (LX_NOTICE_A4_HEIGHT, 5), ==, 9);
  g_assert_cmpint (lx_notice_rows_on_page (792, 0), ==, 6);
  g_assert_cmpint (lx_notice_rows_on_page (792, 1), ==, 8);

  g_assert_cmpint (lx_notice_count_pages (0, LX_NOTICE_A4_HEIGHT), ==, 1);
  g_assert_cmpint (lx_notice_count_pages (7, LX_NOTICE_A4_HEIGHT), ==, 1);
  g_assert_cmpint (lx_notice_count_pages (8, LX_NOTICE_A4_HEIGHT), ==, 2);
  g_assert_cmpint (lx_notice_count_pages (16, LX_NOTICE_A4_HEIGHT), ==, 2);
  g_assert_cmpint (lx_notice_count_pages (17, LX_NOTICE_A4_HEIGHT), ==, 3);
  g_assert_cmpint (lx_notice_count_pages (25, LX_NOTICE_A4_HEIGHT), ==, 3);
  g_assert_cmpint (lx_notice_count_pages (26, LX_NOTICE_A4_HEIGHT), ==, 4);
  g_assert_cmpint (lx_notice_count_pages (14, 792), ==, 2);
  g_assert_cmpint (lx_notice_count_pages (15, 792), ==, 3);
  /* A page too small for anything still makes progress. */
  g_assert_cmpint (lx_notice_count_pages (3, 100), ==, 3);
}

static void
test_default_period (void)
{
  char from[11], to[11];

  lx_notice_default_period ("2026-11-26", from, to);
  g_assert_cmpstr (from, ==, "2026-11-26");
  g_assert_cmpstr (to, ==, "2026-12-26");
  lx_notice_default_period ("2027-01-31", from, to);
  g_assert_cmpstr (to, ==, "2027-02-28");
  lx_ics_default_period ("2026-11-26", from, to);
  g_assert_cmpstr (from, ==, "2026-11-01");
  g_assert_cmpstr (to, ==, "2027-10-31");
}

/* Counts the pages of a PDF written by cairo: one "/Type /Page" object
 * each, besides the "/Type /Pages" tree. */
static int
pdf_pages (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  int n = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_true (len > 4 && memcmp (data, "%PDF", 4) == 0);
  /* Not strstr: the compressed streams hold NUL bytes. */
  for (gsize i = 0; i + 12 < len; i++)
    if (memcmp (data + i, "/Type /Page", 11) == 0 && data[i + 11] != 's')
      n++;
  return n;
}

static LxNotice *
long_notice (guint n_rows)
{
  LxNotice *notice = lx_notice_new ("2026-12-01", "2027-03-31", "2026-11-26");

  notice->org_name = g_strdup ("中共某某局机关委员会");
  notice->phone = g_strdup ("010-12345678");
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-12-%02u", i % 28 + 1);
      lx_notice_add_row (notice, date, "09:00–11:30", "局机关党员服务中心接待室",
                         "金桂、李琳、林琪萍、谭波、谢洁洁、张旭、王小明、赵大海", "听取群众对老旧小区改造的意见建议");
    }
  return notice;
}

static void
test_notice_pdf (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lianxin-notice-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notice.pdf", NULL);
  g_autoptr(LxNotice) one = long_notice (3);
  g_autoptr(LxNotice) many = long_notice (25);
  g_autoptr(GError) error = NULL;

  g_assert_true (lx_notice_write_pdf (one, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pdf_pages (path), ==, 1);
  /* 25 rows: 7 + 9 + 9. */
  g_assert_true (lx_notice_write_pdf (many, path, &error));
  g_assert_cmpint (pdf_pages (path), ==, 3);

  g_assert_false (lx_notice_write_pdf (one, "/nonexistent-dir/notice.pdf", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_unlink (path);
  g_rmdir (dir);
}

/* Dark pixels in a band of rows of an image. */
static int
ink_in_band (cairo_surface_t *surface,
             int              top,
             int              bottom)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface), w = cairo_image_surface_get_width (surface);
  int n = 0;

  for (int y = top; y < bottom; y++)
    for (int x = 0; x < w; x++)
      if (((const guint32 *)(data + y * stride))[x] != 0xffffffff)
        n++;
  return n;
}

static void
test_notice_image (void)
{
  g_autoptr(LxNotice) many = long_notice (25);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
  cairo_t *cr = cairo_create (surface);

  /* RGB24 leaves the unused byte undefined: paint, then compare without it. */
  lx_notice_draw_page (many, cr, LX_NOTICE_A4_WIDTH, LX_NOTICE_A4_HEIGHT, 2);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  for (int y = 0; y < 842; y++)
    for (int x = 0; x < 595; x++)
      ((guint32 *)(cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface)))[x] |= 0xff000000;
  if (g_getenv ("LX_TEST_NOTICE_PNG") != NULL)   /* to look at it */
    cairo_surface_write_to_png (surface, g_getenv ("LX_TEST_NOTICE_PNG"));
  /* The last page: the header and 9 rows from y = 56, nothing below them
   * down to the footer (no text spills out of its cell). */
  g_assert_cmpint (ink_in_band (surface, 60, 56 + 44 + 9 * 64), >, 1000);
  g_assert_cmpint (ink_in_band (surface, 56 + 44 + 9 * 64 + 2, 842 - 44 - 90), ==, 0);
  g_assert_cmpint (ink_in_band (surface, 842 - 44 - 90, 842), >, 100);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Calendar fixtures ----------------------------------------------------------- */

typedef struct
{
  gint64 member;
  gint64 series;     /* weekly reception day on Thursdays from 2026-12-03 */
  gint64 single;     /* a reception day on Saturday 2026-12-05 */
  gint64 meeting;    /* not a reception day */
  gint64 before;     /* 2026-11-01, before the period */
} Calendar;

static gint64
add_event (LxStore    *store,
           const char *kind,
           const char *title,
           const char *starts,
           const char *ends,
           const char *rrule,
           gint64      member)
{
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  LxEventDraft draft = { 0 };
  gint64 id;

  if (member > 0)
    g_array_append_val (members, member);
  draft.kind = kind;
  draft.title = title;
  draft.starts_at = starts;
  draft.ends_at = ends;
  draft.place = "社区党群服务中心";
  draft.rrule = rrule;
  draft.member_ids = members;
  id = lx_event_repo_create (store, &draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
make_calendar (LxStore  *store,
               Calendar *c)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lx_store_exec (store, "INSERT INTO organization (name, kind) VALUES ('中共某某社区委员会', 'committee');"
                                       "INSERT INTO member (org_id, name, pinyin, party_rep) VALUES (1, '王芳', 'wangfang', 1);",
                                &error));
  g_assert_no_error (error);
  c->member = 1;
  c->series = add_event (store, "reception_day", "党代表接待日", "2026-12-03T09:00", "2026-12-03T11:30",
                         "FREQ=WEEKLY;BYDAY=TH", c->member);
  c->single = add_event (store, "reception_day", "党代表接待日（周末）", "2026-12-05T14:00", "2026-12-05T16:00",
                         NULL, c->member);
  c->meeting = add_event (store, "meeting", "支部委员会", "2026-12-08T15:00", NULL, NULL, 0);
  c->before = add_event (store, "reception_day", "十一月接待日", "2026-11-01T09:00", NULL, NULL, 0);
  g_assert_true (lx_event_repo_skip_occurrence (store, c->series, "2026-12-10", &error));
  g_assert_true (lx_event_repo_move_occurrence (store, c->series, "2026-12-17", "2026-12-18", &error));
  g_assert_no_error (error);
}

static void
test_notice_load (LxFixture     *fx,
                  gconstpointer  data)
{
  g_autoptr(LxNotice) notice = NULL;
  g_autoptr(GError) error = NULL;
  Calendar c;
  const char *dates[] = { "2026-12-03", "2026-12-05", "2026-12-18", "2026-12-24", "2026-12-31" };

  make_calendar (fx->store, &c);
  g_assert_true (lx_store_set_setting (fx->store, "unit_phone", "010-87654321", &error));
  notice = lx_notice_load (fx->store, "2026-12-01", "2026-12-31", "2026-11-26", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (notice->org_name, ==, "中共某某社区委员会");
  g_assert_cmpstr (notice->phone, ==, "010-87654321");
  /* The skipped 10th is left out, the 17th appears on the 18th, the
   * meeting is not a reception day. */
  g_assert_cmpuint (notice->rows->len, ==, G_N_ELEMENTS (dates));
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      LxNoticeRow *row = g_ptr_array_index (notice->rows, i);
      g_assert_cmpstr (row->date, ==, dates[i]);
      g_assert_cmpstr (row->people, ==, "王芳");
      g_assert_cmpstr (row->place, ==, "社区党群服务中心");
    }
  g_assert_cmpstr (((LxNoticeRow *)notice->rows->pdata[0])->time, ==, "09:00–11:30");
  g_assert_cmpstr (((LxNoticeRow *)notice->rows->pdata[1])->time, ==, "14:00–16:00");
  g_assert_cmpstr (((LxNoticeRow *)notice->rows->pdata[2])->notes, ==, "Moved from 2026-12-17");
  /* The title says no more than the notice's own: left out. */
  g_assert_null (((LxNoticeRow *)notice->rows->pdata[3])->notes);
  g_assert_cmpstr (((LxNoticeRow *)notice->rows->pdata[1])->notes, ==, "党代表接待日（周末）");
}

/* iCalendar ------------------------------------------------------------------ */

static const char *
param_tzid (icalproperty *prop)
{
  icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);

  return param != NULL ? icalparameter_get_tzid (param) : NULL;
}

static void
check_master (icalcomponent *vevent)
{
  icalproperty *rrule = icalcomponent_get_first_property (vevent, ICAL_RRULE_PROPERTY);
  icalproperty *exdate = icalcomponent_get_first_property (vevent, ICAL_EXDATE_PROPERTY);
  icalproperty *start = icalcomponent_get_first_property (vevent, ICAL_DTSTART_PROPERTY);
  icalproperty *end = icalcomponent_get_first_property (vevent, ICAL_DTEND_PROPERTY);
  struct icalrecurrencetype r;

  g_assert_nonnull (rrule);
  r = icalproperty_get_rrule (rrule);
  g_assert_cmpint (r.freq, ==, ICAL_WEEKLY_RECURRENCE);
  g_assert_cmpint (r.by_day[0], ==, ICAL_THURSDAY_WEEKDAY);
  g_assert_nonnull (exdate);
  g_assert_cmpstr (icaltime_as_ical_string (icalproperty_get_exdate (exdate)), ==, "20261210T090000");
  g_assert_cmpstr (param_tzid (exdate), ==, "Asia/Shanghai");
  /* Only the skipped day is excluded; the moved one has its override. */
  g_assert_nonnull (icalcomponent_get_first_property (vevent, ICAL_EXDATE_PROPERTY));
  g_assert_null (icalcomponent_get_next_property (vevent, ICAL_EXDATE_PROPERTY));
  g_assert_cmpstr (icaltime_as_ical_string (icalproperty_get_dtstart (start)), ==, "20261203T090000");
  g_assert_cmpstr (param_tzid (start), ==, "Asia/Shanghai");
  g_assert_cmpstr (icaltime_as_ical_string (icalproperty_get_dtend (end)), ==, "20261203T113000");
  g_assert_cmpstr (icalcomponent_get_summary (vevent), ==, "党代表接待日");
  g_assert_cmpstr (icalcomponent_get_location (vevent), ==, "社区党群服务中心");
  g_assert_nonnull (strstr (icalcomponent_get_description (vevent), "王芳"));
  g_assert_cmpint (icalcomponent_get_status (vevent), ==, ICAL_STATUS_CONFIRMED);
}

static void
test_ics (LxFixture     *fx,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fx->dir, "calendar.ics", NULL);
  g_autofree char *text = NULL;
  g_autofree char *series_uid = NULL, *single_uid = NULL, *before_uid = NULL;
  icalcomponent *calendar, *vevent;
  int n_events = 0, n_overrides = 0, n_masters = 0;
  Calendar c;

  make_calendar (fx->store, &c);
  series_uid = g_strdup_printf ("event-%d@lianxin", (int)c.series);
  single_uid = g_strdup_printf ("event-%d@lianxin", (int)c.single);
  before_uid = g_strdup_printf ("event-%d@lianxin", (int)c.before);
  g_assert_true (lx_ics_write_file (fx->store, "2026-12-01", "2026-12-31", path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR"));

  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_nonnull (icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT));
  for (vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); vevent != NULL;
       vevent = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const char *uid = icalcomponent_get_uid (vevent);
      icalproperty *rid = icalcomponent_get_first_property (vevent, ICAL_RECURRENCEID_PROPERTY);

      n_events++;
      g_assert_cmpstr (uid, !=, before_uid);
      if (g_strcmp0 (uid, series_uid) == 0 && rid == NULL)
        n_masters++, check_master (vevent);
      else if (g_strcmp0 (uid, series_uid) == 0)
        {
          n_overrides++;
          g_assert_cmpstr (icaltime_as_ical_string (icalproperty_get_recurrenceid (rid)), ==, "20261217T090000");
          g_assert_cmpstr (icaltime_as_ical_string (icalcomponent_get_dtstart (vevent)), ==, "20261218T090000");
          g_assert_cmpstr (icaltime_as_ical_string (icalcomponent_get_dtend (vevent)), ==, "20261218T113000");
        }
      else if (g_strcmp0 (uid, single_uid) == 0)
        {
          g_assert_null (icalcomponent_get_first_property (vevent, ICAL_RRULE_PROPERTY));
          g_assert_cmpstr (icaltime_as_ical_string (icalcomponent_get_dtstart (vevent)), ==, "20261205T140000");
        }
    }
  /* Series, its moved day, the single reception day and the meeting. */
  g_assert_cmpint (n_events, ==, 4);
  g_assert_cmpint (n_masters, ==, 1);
  g_assert_cmpint (n_overrides, ==, 1);
  icalcomponent_free (calendar);
}

/* UNTIL turns into a UTC moment at the end of that day in Shanghai. */
static void
test_ics_until (LxFixture     *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  add_event (fx->store, "reception_day", "接待日", "2026-12-10T09:00", NULL, "FREQ=MONTHLY;BYDAY=2TH;UNTIL=20270630", 0);
  text = lx_ics_export (fx->store, "2026-12-01", "2026-12-31", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "RRULE:FREQ=MONTHLY;UNTIL=20270630T155959Z;BYDAY=2TH"));
}

/* Deleting with undo --------------------------------------------------------- */

static int
count (LxStore    *store,
       const char *sql)
{
  return (int)lx_store_query_int (store, sql, NULL);
}

static void
test_delete_undo (LxFixture     *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxEventCopy) copy = NULL;
  g_autoptr(GPtrArray) list = NULL;
  Calendar c;
  g_autofree char *sql = NULL;

  make_calendar (fx->store, &c);
  /* A reception recorded on the first day of the series. */
  sql = g_strdup_printf ("INSERT INTO visit (kind, happened_at, event_id) VALUES ('reception', "
                         "'2026-12-03T09:30', %d)", (int)c.series);
  g_assert_true (lx_store_exec (fx->store, sql, &error));

  copy = lx_event_repo_delete_undoable (fx->store, c.series, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lx_event_copy_get_id (copy), ==, c.series);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM event_exception"), ==, 0);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM visit WHERE event_id IS NOT NULL"), ==, 0);
  list = lx_event_repo_list_occurrences (fx->store, "2026-12-01", "2026-12-31", &error);
  g_assert_cmpuint (list->len, ==, 2);   /* the single reception day and the meeting */
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (lx_event_repo_restore (fx->store, copy, &error));
  g_assert_no_error (error);
  /* Same id, participants, the skip, the move, the done day and its visit. */
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM event_exception"), ==, 2);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM event_member"), ==, 2);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT event_id FROM visit", NULL), ==, c.series);
  list = lx_event_repo_list_occurrences (fx->store, "2026-12-01", "2026-12-31", &error);
  g_assert_cmpuint (list->len, ==, 6);
  g_assert_true (((LxOccurrence *)list->pdata[0])->done);

  /* Twice: the event exists again, so the second undo is refused. */
  g_assert_false (lx_event_repo_restore (fx->store, copy, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (lx_event_repo_delete_undoable (fx->store, 9999, &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND);
}

static void
test_occurrence_undo (LxFixture     *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  Calendar c;

  make_calendar (fx->store, &c);
  /* "This occurrence only" on the 24th, then undone. */
  g_assert_true (lx_event_repo_skip_occurrence (fx->store, c.series, "2026-12-24", &error));
  g_assert_true (lx_event_repo_restore_occurrence (fx->store, c.series, "2026-12-24", NULL, &error));
  /* The moved 17th deleted, then undone: back on the 18th. */
  g_assert_true (lx_event_repo_skip_occurrence (fx->store, c.series, "2026-12-17", &error));
  g_assert_true (lx_event_repo_restore_occurrence (fx->store, c.series, "2026-12-17", "2026-12-18T09:00", &error));
  /* A single event: cancelled, then back. */
  g_assert_true (lx_event_repo_skip_occurrence (fx->store, c.single, "2026-12-05", &error));
  g_assert_true (lx_event_repo_restore_occurrence (fx->store, c.single, "2026-12-05", NULL, &error));
  g_assert_no_error (error);

  list = lx_event_repo_list_occurrences (fx->store, "2026-12-01", "2026-12-31", &error);
  g_assert_cmpuint (list->len, ==, 6);
  g_assert_cmpstr (((LxOccurrence *)list->pdata[1])->starts_at, ==, "2026-12-05T14:00");
  g_assert_cmpstr (((LxOccurrence *)list->pdata[3])->starts_at, ==, "2026-12-18T09:00");
  g_assert_cmpstr (((LxOccurrence *)list->pdata[4])->starts_at, ==, "2026-12-24T09:00");
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM change_log WHERE action = 'restore'"), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notice/pagination", test_pagination);
  g_test_add_func ("/notice/default-period", test_default_period);
  g_test_add_func ("/notice/pdf", test_notice_pdf);
  g_test_add_func ("/notice/image", test_notice_image);
  g_test_add ("/notice/load", LxFixture, NULL, lx_fixture_setup, test_notice_load, lx_fixture_teardown);
  g_test_add ("/ics/export", LxFixture, NULL, lx_fixture_setup, test_ics, lx_fixture_teardown);
  g_test_add ("/ics/until", LxFixture, NULL, lx_fixture_setup, test_ics_until, lx_fixture_teardown);
  g_test_add ("/event/delete-undo", LxFixture, NULL, lx_fixture_setup, test_delete_undo, lx_fixture_teardown);
  g_test_add ("/event/occurrence-undo", LxFixture, NULL, lx_fixture_setup, test_occurrence_undo,
              lx_fixture_teardown);
  return g_test_run ();
}
