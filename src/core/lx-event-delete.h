/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-store.h"

G_BEGIN_DECLS

/* Deleting calendar events with undo: the whole event (a series with its
 * exceptions, participants and the links of its recorded visits), or one
 * occurrence of a series. */

typedef struct _LxEventCopy LxEventCopy;

/* Deletes the event in one transaction; returns what undo needs. */
LxEventCopy *lx_event_repo_delete_undoable    (LxStore            *store,
                                               gint64              event_id,
                                               GError            **error);
/* Puts a deleted event back with its id, so exported UIDs stay the same. */
gboolean     lx_event_repo_restore            (LxStore            *store,
                                               const LxEventCopy  *copy,
                                               GError            **error);
gint64       lx_event_copy_get_id             (const LxEventCopy  *copy);
void         lx_event_copy_free               (LxEventCopy        *copy);

/* Undoes skipping one occurrence (or cancelling a single event): the day
 * comes back as it was before, at @moved_to when it had been moved. */
gboolean     lx_event_repo_restore_occurrence (LxStore            *store,
                                               gint64              event_id,
                                               const char         *occurrence_on,
                                               const char         *moved_to,
                                               GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxEventCopy, lx_event_copy_free)

G_END_DECLS
