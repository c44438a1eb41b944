/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

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

G_END_DECLS
