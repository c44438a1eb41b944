/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lx-event-repo.h"
#include "lx-store.h"

G_BEGIN_DECLS

#define LX_TYPE_CALENDAR_VIEW (lx_calendar_view_get_type ())
G_DECLARE_FINAL_TYPE (LxCalendarView, lx_calendar_view, LX, CALENDAR_VIEW, GtkWidget)

LxCalendarView *lx_calendar_view_new (LxStore *store);

/* Pieces of the calendar in their own files. */
GtkWidget      *lx_calendar_duty_new (LxStore    *store,
                                      int         year,
                                      const char *today);
void            lx_event_editor_present (GtkWidget  *parent,
                                         LxStore    *store,
                                         const char *date);
void            lx_event_delete_present (GtkWidget  *view,
                                         LxStore    *store,
                                         LxOccurrence *occurrence);
/* lx-calendar-export.c: @what is "print-notice", "export-notice" (the
 * reception-day notice) or "export-ics" (the calendar), for the month of
 * the date @focus. */
void            lx_calendar_output      (GtkWidget  *view,
                                         LxStore    *store,
                                         const char *what,
                                         const char *focus,
                                         const char *today);

G_END_DECLS
