/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-repo.h"

G_BEGIN_DECLS

/* 走访 / 下访 / 接访: a visit with its participants (members) and the
 * household(s) or contact point visited. */
#define LX_TYPE_VISIT (lx_visit_get_type ())
G_DECLARE_FINAL_TYPE (LxVisit, lx_visit, LX, VISIT, GObject)
struct _LxVisit
{
  GObject  parent_instance;
  gint64   id;
  char    *kind;              /* home / field / reception / phone / other */
  char    *happened_at;       /* YYYY-MM-DD or YYYY-MM-DDTHH:MM */
  gint64   contact_point_id;  /* 0: none */
  gint64   event_id;          /* 0: not from the calendar */
  char    *notes;             /* what was learned (民情) */
  GArray  *member_ids;        /* gint64, never NULL */
  GArray  *household_ids;     /* gint64, never NULL */

  /* read-only, filled when loaded */
  char    *contact_point_name;
  char    *member_names;      /* "王芳、李强" */
  char    *household_names;
};

#define LX_VISIT_KINDS "home", "field", "reception", "phone", "other"

LxVisit    *lx_visit_new                     (const char  *kind,
                                              const char  *happened_at);
const char *lx_visit_kind_label              (const char  *kind);
gboolean    lx_visit_kind_is_valid           (const char  *kind);

gboolean    lx_visit_validate                (LxVisit     *visit,
                                              const char  *today,
                                              const char **out_field,
                                              GError     **error);
gint64      lx_visit_repo_add                (LxStore     *store,
                                              LxVisit     *visit,
                                              GError     **error);
/* Inside a transaction the caller holds: for the event repository. */
gint64      lx_visit_repo_insert             (LxStore     *store,
                                              LxVisit     *visit,
                                              GError     **error);
LxVisit    *lx_visit_repo_get                (LxStore     *store,
                                              gint64       id,
                                              GError     **error);
GPtrArray  *lx_visit_repo_list_for_household (LxStore     *store,
                                              gint64       household_id,
                                              int          limit,
                                              GError     **error);
GPtrArray  *lx_visit_repo_list_for_contact_point (LxStore *store,
                                              gint64       contact_point_id,
                                              int          limit,
                                              GError     **error);
/* Who usually visits @household_id: the member paired with it, else the
 * members responsible for its zone (at most 3). */
GArray     *lx_visit_repo_suggest_participants (LxStore *store,
                                              gint64       household_id,
                                              GError     **error);
/* Deletes a visit; returns what it was, for lx_visit_repo_restore (undo). */
LxVisit    *lx_visit_repo_delete             (LxStore     *store,
                                              gint64       id,
                                              GError     **error);
gboolean    lx_visit_repo_restore            (LxStore     *store,
                                              LxVisit     *deleted,
                                              GError     **error);

/* Contact points (联系点), for choosers. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *address;
} LxContactPoint;

void        lx_contact_point_free            (LxContactPoint *point);
GPtrArray  *lx_repo_list_contact_points      (LxStore     *store,
                                              GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxContactPoint, lx_contact_point_free)

G_END_DECLS
