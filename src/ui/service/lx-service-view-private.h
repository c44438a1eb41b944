/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-service-editor.h"
#include "lx-service-repo.h"
#include "lx-service-view.h"

G_BEGIN_DECLS

typedef enum
{
  PAGE_TWINNING,
  PAGE_PLEDGES,
  PAGE_ZONES,
  PAGE_POSTS,
  PAGE_TEAMS,
  N_PAGES
} ServicePage;

/* What a deleted record is, for its undo. */
typedef enum
{
  UNDO_TWINNING,
  UNDO_TWINNING_ACTIVITY,
  UNDO_PLEDGE,
  UNDO_ZONE,
  UNDO_POST,
  UNDO_TEAM,
  UNDO_VOLUNTEER_ACTIVITY,
} UndoKind;

struct _LxServiceView
{
  GtkWidget     parent_instance;

  LxStore      *store;
  int           year;
  guint         reload_id;
  GPtrArray    *members;            /* LxMember, for choices */
  GPtrArray    *orgs;               /* LxOrganization */
  GPtrArray    *zones;              /* LxZone */
  GtkListBox   *lists[N_PAGES];
  GtkLabel     *summaries[N_PAGES];

  /* template widgets */
  AdwViewStack *stack;
};

/* Context of an editor's save callback. */
typedef struct
{
  LxServiceView *self;
  gint64         id;
  gint64         parent_id;
} SaveCtx;

/* lx-service-view.c */
SaveCtx   *lx_service_save_ctx_new (LxServiceView  *self,
                                    gint64          id,
                                    gint64          parent_id);
void       lx_service_save_ctx_free (gpointer       data);
GtkWidget *lx_service_plain_row    (const char     *title,
                                    const char     *subtitle);
int        lx_service_choice_index (const char * const *codes,
                                    guint           n,
                                    const char     *code);
GtkWidget *lx_service_button       (const char     *icon_name,
                                    const char     *label,
                                    GCallback       callback,
                                    LxServiceView  *self,
                                    gint64          id);
gint64     lx_service_button_id    (gpointer        button);
void       lx_service_show_error   (LxServiceView  *self,
                                    const GError   *error);
void       lx_service_undo_toast   (LxServiceView  *self,
                                    const char     *title,
                                    UndoKind        kind,
                                    gpointer        record);
GStrv      lx_service_member_labels (LxServiceView *self,
                                     const char    *none_label);
guint      lx_service_member_index (LxServiceView  *self,
                                    gint64          member_id);
gint64     lx_service_member_at    (LxServiceView  *self,
                                    guint           index);
gboolean   lx_service_parse_members (LxServiceView *self,
                                     const char    *text,
                                     GArray        *ids,
                                     const char   **out_field,
                                     GError       **error);
char      *lx_service_member_names (LxServiceView  *self,
                                    GArray         *ids);
char      *lx_service_format_period (const char    *start_on,
                                     const char    *end_on);
void       lx_service_clear_list   (GtkListBox     *list);
void       lx_service_empty_row    (GtkListBox     *list,
                                    const char     *text);

/* lx-service-pledges.c */
void       lx_service_fill_pledges (LxServiceView  *self);
void       lx_service_add_pledge   (LxServiceView  *self);

/* lx-service-pages.c */
void       lx_service_fill_zones   (LxServiceView  *self);
void       lx_service_fill_posts   (LxServiceView  *self);
void       lx_service_fill_teams   (LxServiceView  *self);
void       lx_service_add_zone     (LxServiceView  *self);
void       lx_service_add_post     (LxServiceView  *self);
void       lx_service_add_team     (LxServiceView  *self);

G_END_DECLS
