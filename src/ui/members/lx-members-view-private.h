/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-member-list.h"
#include "lx-members-view.h"
#include "lx-window.h"

G_BEGIN_DECLS

/* Shared between lx-members-view.c (the tree, the ledger, the detail) and
 * lx-members-actions.c (the dialogs and their undo toasts). */
struct _LxMembersView
{
  GtkWidget           parent_instance;

  LxStore            *store;
  LxMemberList       *list;
  GtkSingleSelection *selection;
  LxMemberFilter      filter;
  LxMemberRow        *current;
  gint64              keep_id;       /* the member to select again after a reload */
  GPtrArray          *orgs;          /* LxOrganization, in tree order */
  GListStore         *org_roots;     /* "All", then the roots */
  GtkSingleSelection *org_selection;

  /* template widgets */
  GtkDropDown        *role_dropdown;
  GtkToggleButton    *cadres_toggle;
  GtkToggleButton    *reps_toggle;
  GtkCheckButton     *transferred_check;
  GtkLabel           *count_label;
  GtkListView        *org_view;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  GtkStack           *detail_stack;
  GtkLabel           *detail_name;
  GtkLabel           *detail_org;
  AdwActionRow       *phone_row;
  AdwActionRow       *id_row;
  GtkToggleButton    *reveal_button;
  AdwActionRow       *gender_row;
  AdwActionRow       *birth_row;
  AdwActionRow       *join_row;
  AdwActionRow       *status_row;
  AdwActionRow       *transfer_row;
  AdwActionRow       *role_row;
  AdwActionRow       *cadre_row;
  AdwActionRow       *rep_row;
  AdwActionRow       *contact_row;
  AdwActionRow       *pairing_row;
};

LxWindow       *lx_members_view_get_window      (LxMembersView *self);
LxOrganization *lx_members_view_selected_org    (LxMembersView *self);
void            lx_members_view_select_member   (LxMembersView *self,
                                                 gint64         id);
void            lx_members_view_open_editor     (LxMembersView *self,
                                                 LxMember      *member);
void            lx_members_view_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
