/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-ics"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "lx-event-repo.h"
#include "lx-ics.h"
#include "lx-recurrence.h"

/* Times: every DTSTART/DTEND/EXDATE/RECURRENCE-ID carries TZID=Asia/Shanghai
 * and the file holds that VTIMEZONE (a fixed +08:00, no daylight saving).
 * Floating times with X-WR-TIMEZONE were the other choice, but X-WR-TIMEZONE
 * is not in RFC 5545: iOS and Android (and Outlook) read floating times in
 * the phone's own zone, so a member travelling with the phone in another
 * zone would see a reception day at the wrong hour. TZID with an embedded
 * VTIMEZONE is what all of them read correctly, including programs without
 * a time-zone database of their own. */

typedef struct
{
  gint64  id;
  char   *kind;
  char   *title;
  char   *starts_at;   /* YYYY-MM-DDTHH:MM */
  char   *ends_at;
  char   *place;
  char   *rrule;
  char   *status;
  char   *notes;
  char   *people;
} Event;

static void
event_clear (Event *e)
{
  g_free (e->kind);
  g_free (e->title);
  g_free (e->starts_at);
  g_free (e->ends_at);
  g_free (e->place);
  g_free (e->rrule);
  g_free (e->status);
  g_free (e->notes);
  g_free (e->people);
}

void
lx_ics_default_period (const char *today,
                       char        from[11],
                       char        to[11])
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 1, atoi (today + 5), atoi (today));
  if (!g_date_valid (&d))
    g_date_set_dmy (&d, 1, 1, 2000);
  g_snprintf (from, 11, "%04d-%02d-01", g_date_get_year (&d), g_date_get_month (&d));
  g_date_add_years (&d, 1);
  g_date_subtract_days (&d, 1);
  g_snprintf (to, 11, "%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
}

/* "2026-12-10T09:00" (or a bare date, at midnight) as a local iCalendar time. */
static struct icaltimetype
local_time (const char *moment)
{
  char buf[16];

  g_snprintf (buf, sizeof buf, "%.4s%.2s%.2sT%.2s%.2s00", moment, moment + 5, moment + 8,
              strlen (moment) >= 16 ? moment + 11 : "00", strlen (moment) >= 16 ? moment + 14 : "00");
  return icaltime_from_string (buf);
}

static icalproperty *
with_tzid (icalproperty *prop)
{
  icalproperty_add_parameter (prop, icalparameter_new_tzid (LX_ICS_TZID));
  return prop;
}

static icalcomponent *
shanghai_timezone (void)
{
  icalcomponent *tz = icalcomponent_new_vtimezone ();
  icalcomponent *standard = icalcomponent_new_xstandard ();
  icalproperty *location = icalproperty_new_x (LX_ICS_TZID);

  icalproperty_set_x_name (location, "X-LIC-LOCATION");
  icalcomponent_add_property (tz, icalproperty_new_tzid (LX_ICS_TZID));
  icalcomponent_add_property (tz, location);
  icalcomponent_add_property (standard, icalproperty_new_tzoffsetfrom (8 * 3600));
  icalcomponent_add_property (standard, icalproperty_new_tzoffsetto (8 * 3600));
  icalcomponent_add_property (standard, icalproperty_new_tzname ("CST"));
  icalcomponent_add_property (standard, icalproperty_new_dtstart (icaltime_from_string ("19700101T000000")));
  icalcomponent_add_component (tz, standard);
  return tz;
}

/* The stored rule as RFC 5545 wants it: with a DATE-TIME DTSTART, UNTIL
 * must be a UTC DATE-TIME too (the end of that day in Shanghai). */
static char *
ics_rrule (const char *rrule)
{
  LxRecurrence rule;
  char until[11];
  g_autofree char *text = NULL;

  if (!lx_recurrence_parse (rrule, &rule, NULL))
    return NULL;
  memcpy (until, rule.until, sizeof until);
  rule.until[0] = '\0';
  text = lx_recurrence_to_string (&rule);
  if (until[0] == '\0')
    return g_steal_pointer (&text);
  return g_strdup_printf ("%s;UNTIL=%.4s%.2s%.2sT155959Z", text, until, until + 5, until + 8);
}

static char *
description_of (const Event *e)
{
  GString *s = g_string_new (lx_event_kind_label (e->kind));

  if (e->people != NULL && *e->people != '\0')
    {
      g_string_append_c (s, '\n');
      /* Translators: in an exported calendar event's description */
      g_string_append_printf (s, _("Participants: %s"), e->people);
    }
  if (e->notes != NULL && *e->notes != '\0')
    g_string_append_printf (s, "\n%s", e->notes);
  return g_string_free (s, FALSE);
}

/* DTSTART, DTEND, SUMMARY, LOCATION, DESCRIPTION and STATUS of @e when it
 * starts at @start (its own start, or where an occurrence moved to). */
static void
add_common (icalcomponent *vevent,
            const Event   *e,
            const char    *start)
{
  g_autofree char *uid = g_strdup_printf ("event-%" G_GINT64_FORMAT "@lianxin", e->id);
  g_autofree char *description = description_of (e);

  icalcomponent_add_property (vevent, icalproperty_new_uid (uid));
  icalcomponent_add_property (vevent, icalproperty_new_dtstamp (
                                icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ())));
  icalcomponent_add_property (vevent, with_tzid (icalproperty_new_dtstart (local_time (start))));
  if (e->ends_at != NULL && strlen (e->ends_at) >= 16)
    {
      g_autoptr(GDateTime) a = g_date_time_new_utc (atoi (e->starts_at), atoi (e->starts_at + 5),
                                                    atoi (e->starts_at + 8), atoi (e->starts_at + 11),
                                                    atoi (e->starts_at + 14), 0);
      g_autoptr(GDateTime) b = g_date_time_new_utc (atoi (start), atoi (start + 5), atoi (start + 8),
                                                    atoi (start + 11), atoi (start + 14), 0);
      g_autoptr(GDateTime) old_end = g_date_time_new_utc (atoi (e->ends_at), atoi (e->ends_at + 5),
                                                          atoi (e->ends_at + 8), atoi (e->ends_at + 11),
                                                          atoi (e->ends_at + 14), 0);
      /* A moved occurrence keeps the event's length. */
      g_autoptr(GDateTime) end = g_date_time_add (b, g_date_time_difference (old_end, a));
      g_autofree char *end_text = g_date_time_format (end, "%Y-%m-%dT%H:%M");

      icalcomponent_add_property (vevent, with_tzid (icalproperty_new_dtend (local_time (end_text))));
    }
  icalcomponent_add_property (vevent, icalproperty_new_summary (e->title));
  if (e->place != NULL && *e->place != '\0')
    icalcomponent_add_property (vevent, icalproperty_new_location (e->place));
  icalcomponent_add_property (vevent, icalproperty_new_description (description));
  icalcomponent_add_property (vevent, icalproperty_new_status (g_strcmp0 (e->status, "cancelled") == 0
                                                               ? ICAL_STATUS_CANCELLED
                                                               : ICAL_STATUS_CONFIRMED));
}

/* EXDATEs for skipped days, overrides for moved ones. */
static gboolean
add_exceptions (LxStore        *store,
                icalcomponent  *calendar,
                icalcomponent  *master,
                const Event    *e,
                GError        **error)
{
  const char *time_of_day = strlen (e->starts_at) >= 16 ? e->starts_at + 10 : "T00:00";
  sqlite3_stmt *stmt = lx_store_prepare (store, "SELECT occurrence_on, moved_to, done FROM event_exception "
                                                "WHERE event_id = ? ORDER BY occurrence_on", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, e->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *original = g_strconcat ((const char *)sqlite3_column_text (stmt, 0), time_of_day, NULL);
      const char *moved_to = (const char *)sqlite3_column_text (stmt, 1);
      gboolean done = sqlite3_column_int (stmt, 2) != 0;

      if (moved_to == NULL && !done)
        icalcomponent_add_property (master, with_tzid (icalproperty_new_exdate (local_time (original))));
      else if (moved_to != NULL)
        {
          icalcomponent *override = icalcomponent_new_vevent ();
          g_autofree char *moment = strlen (moved_to) >= 16 ? g_strdup (moved_to)
                                                            : g_strconcat (moved_to, time_of_day, NULL);

          add_common (override, e, moment);
          icalcomponent_add_property (override,
                                      with_tzid (icalproperty_new_recurrenceid (local_time (original))));
          icalcomponent_add_component (calendar, override);
        }
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
in_period (const Event *e,
           const char  *from,
           const char  *to)
{
  LxRecurrence rule;
  g_autoptr(GPtrArray) dates = NULL;
  g_autofree char *day = g_strndup (e->starts_at, 10);

  if (e->rrule == NULL || !lx_recurrence_parse (e->rrule, &rule, NULL))
    return strcmp (day, from) >= 0 && strcmp (day, to) <= 0;
  dates = lx_recurrence_expand (&rule, day, from, to);
  return dates->len > 0;
}

static gboolean
add_event (LxStore        *store,
           icalcomponent  *calendar,
           const Event    *e,
           GError        **error)
{
  icalcomponent *vevent = icalcomponent_new_vevent ();
  g_autofree char *rrule = e->rrule != NULL ? ics_rrule (e->rrule) : NULL;

  add_common (vevent, e, e->starts_at);
  icalcomponent_add_component (calendar, vevent);
  if (rrule == NULL)
    return TRUE;
  icalcomponent_add_property (vevent, icalproperty_new_rrule (icalrecurrencetype_from_string (rrule)));
  return add_exceptions (store, calendar, vevent, e, error);
}

static icalcomponent *
new_calendar (void)
{
  icalcomponent *calendar = icalcomponent_new_vcalendar ();
  icalproperty *name = icalproperty_new_x (_("Lianxin Calendar"));
  icalproperty *zone = icalproperty_new_x (LX_ICS_TZID);

  icalproperty_set_x_name (name, "X-WR-CALNAME");
  icalproperty_set_x_name (zone, "X-WR-TIMEZONE");
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Lianxin//Lianxin " PACKAGE_VERSION "//ZH"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  icalcomponent_add_property (calendar, name);
  /* Only a hint for programs that want a default zone; every time has its TZID. */
  icalcomponent_add_property (calendar, zone);
  icalcomponent_add_component (calendar, shanghai_timezone ());
  return calendar;
}

char *
lx_ics_export (LxStore     *store,
               const char  *from,
               const char  *to,
               GError     **error)
{
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (Event));
  icalcomponent *calendar;
  sqlite3_stmt *stmt;
  char *text, *result = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  g_array_set_clear_func (events, (GDestroyNotify)event_clear);
  stmt = lx_store_prepare (store,
                           "SELECT e.id, e.kind, e.title, e.starts_at, e.ends_at, coalesce(e.place, cp.name), "
                           "e.rrule, e.status, e.notes, (SELECT group_concat(name, '、') FROM (SELECT m.name "
                           "FROM event_member em JOIN member m ON m.id = em.member_id WHERE em.event_id = e.id "
                           "ORDER BY m.pinyin)) FROM event e LEFT JOIN contact_point cp ON cp.id = "
                           "e.contact_point_id WHERE substr(e.starts_at, 1, 10) <= ? ORDER BY e.starts_at, e.id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, to, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Event e = { sqlite3_column_int64 (stmt, 0), lx_column_dup (stmt, 1), lx_column_dup (stmt, 2),
                  lx_column_dup (stmt, 3), lx_column_dup (stmt, 4), lx_column_dup (stmt, 5),
                  lx_column_dup (stmt, 6), lx_column_dup (stmt, 7), lx_column_dup (stmt, 8),
                  lx_column_dup (stmt, 9) };
      if (in_period (&e, from, to))
        g_array_append_val (events, e);
      else
        event_clear (&e);
    }
  sqlite3_reset (stmt);

  calendar = new_calendar ();
  for (guint i = 0; ok && i < events->len; i++)
    ok = add_event (store, calendar, &g_array_index (events, Event, i), error);
  if (ok)
    {
      text = icalcomponent_as_ical_string_r (calendar);
      result = g_strdup (text);
      free (text);
    }
  icalcomponent_free (calendar);
  return result;
}

gboolean
lx_ics_write_file (LxStore     *store,
                   const char  *from,
                   const char  *to,
                   const char  *path,
                   GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if ((text = lx_ics_export (store, from, to, error)) == NULL)
    return FALSE;
  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
