/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-repo.h"
#include "lx-visit-repo.h"

G_BEGIN_DECLS

/* One occurrence of a calendar event: a single event, or one date of a
 * recurring one after its exceptions (skipped, moved, done). */
#define LX_TYPE_OCCURRENCE (lx_occurrence_get_type ())
G_DECLARE_FINAL_TYPE (LxOccurrence, lx_occurrence, LX, OCCURRENCE, GObject)
struct _LxOccurrence
{
  GObject  parent_instance;
  gint64   event_id;
  char    *kind;              /* planned_visit / field / reception_day / service / meeting */
  char    *title;
  char    *occurrence_on;     /* the date the rule gives: the key of exceptions */
  char    *starts_at;         /* when it happens (after a move): YYYY-MM-DDTHH:MM */
  char    *ends_at;           /* NULL when open-ended */
  char    *place;
  char    *rrule;             /* NULL: a single event */
  gint64   household_id;
  gint64   contact_point_id;
  char    *member_names;
  gboolean done;
  gboolean moved;
};

/* What a new event is made of. */
typedef struct
{
  const char *kind;
  const char *title;
  const char *starts_at;       /* YYYY-MM-DDTHH:MM */
  const char *ends_at;         /* optional, the same day's time or a later moment */
  const char *place;
  const char *rrule;           /* optional */
  gint64      household_id;
  gint64      contact_point_id;
  const char *notes;
  GArray     *member_ids;      /* gint64, optional */
} LxEventDraft;

const char *lx_event_kind_label             (const char    *kind);
const char *lx_event_kind_visit_kind        (const char    *kind);

gint64      lx_event_repo_create            (LxStore       *store,
                                             const LxEventDraft *draft,
                                             const char   **out_field,
                                             GError       **error);
gboolean    lx_event_repo_delete            (LxStore       *store,
                                             gint64         event_id,
                                             GError       **error);
/* Occurrences starting between @from and @to (ISO dates, inclusive),
 * ordered by when they start. */
GPtrArray  *lx_event_repo_list_occurrences  (LxStore       *store,
                                             const char    *from,
                                             const char    *to,
                                             GError       **error);
LxOccurrence *lx_event_repo_get_occurrence  (LxStore       *store,
                                             gint64         event_id,
                                             const char    *occurrence_on,
                                             GError       **error);
/* Moves one occurrence to @new_start (a moment or a date, keeping the time). */
gboolean    lx_event_repo_move_occurrence   (LxStore       *store,
                                             gint64         event_id,
                                             const char    *occurrence_on,
                                             const char    *new_start,
                                             GError       **error);
/* Moves the whole series (or a single event) so that it starts at @new_start. */
gboolean    lx_event_repo_move_series       (LxStore       *store,
                                             gint64         event_id,
                                             const char    *new_start,
                                             GError       **error);
gboolean    lx_event_repo_skip_occurrence   (LxStore       *store,
                                             gint64         event_id,
                                             const char    *occurrence_on,
                                             GError       **error);
/* Marks an occurrence done and records its visit with the event's members,
 * household and contact point, in one transaction. Returns the visit id. */
gint64      lx_event_repo_mark_done         (LxStore       *store,
                                             gint64         event_id,
                                             const char    *occurrence_on,
                                             const char    *notes,
                                             GError       **error);

G_END_DECLS
