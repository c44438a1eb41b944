/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-evaluation.h"
#include "lx-evaluation-view.h"

G_BEGIN_DECLS

struct _LxEvaluationView
{
  GtkWidget      parent_instance;

  LxStore       *store;
  int            year;
  guint          reload_id;
  LxCampaign    *campaign;        /* NULL: none this year */
  GPtrArray     *targets;         /* LxEvaluationTarget, the organization first (id 0) */
  GPtrArray     *cells;           /* GtkEntry, target-major: target * LX_N_ITEMS + item */
  guint          n_recent;        /* rows of saved ballots shown above the entry row */
  gboolean       filling;         /* the code is setting cells: no reaction */
  guint          save_id;         /* a complete row is saved from an idle */
  LxEvaluationResults *results;

  /* template widgets */
  GtkStack      *main_stack;
  AdwStatusPage *empty_page;
  GtkButton     *start_button;
  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkStack      *tabs;
  GtkSpinButton *number_spin;
  GtkEntry      *respondent_entry;
  GtkLabel      *count_label;
  GtkLabel      *message_label;
  GtkButton     *save_button;
  GtkButton     *delete_button;
  GtkGrid       *ballot_grid;
  GtkLabel      *organization_label;
  GtkGrid       *results_grid;
  GtkBox        *chart_box;
  GtkListBox    *remedial_list;
  GtkLabel      *rule_label;
};

/* lx-evaluation-ballots.c */
void lx_evaluation_ballots_rebuild  (LxEvaluationView *self);
void lx_evaluation_ballots_refresh  (LxEvaluationView *self);
void lx_evaluation_ballots_save     (LxEvaluationView *self,
                                     gboolean          explicit_save);
void lx_evaluation_ballots_clear    (LxEvaluationView *self);
void lx_evaluation_ballots_load     (LxEvaluationView *self);
void lx_evaluation_ballots_delete   (LxEvaluationView *self);

/* lx-evaluation-results.c */
void lx_evaluation_results_fill     (LxEvaluationView *self);

/* lx-evaluation-view.c */
void lx_evaluation_view_toast       (LxEvaluationView *self,
                                     const char       *message);
char *lx_evaluation_percent         (double            rate);
const char *lx_evaluation_item_abbrev (LxEvaluationItem item);

G_END_DECLS
