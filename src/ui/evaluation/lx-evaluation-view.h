/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lx-store.h"

G_BEGIN_DECLS

/* 评议: the year's evaluation by the masses. Starting the campaign, fast
 * keyboard entry of the paper ballots and the results with the suggested
 * 民主评议 grades, overrides and the remedial list. */

#define LX_TYPE_EVALUATION_VIEW (lx_evaluation_view_get_type ())
G_DECLARE_FINAL_TYPE (LxEvaluationView, lx_evaluation_view, LX, EVALUATION_VIEW, GtkWidget)

LxEvaluationView *lx_evaluation_view_new       (LxStore          *store);
void              lx_evaluation_view_set_year  (LxEvaluationView *self,
                                                int               year);
int               lx_evaluation_view_get_year  (LxEvaluationView *self);

G_END_DECLS
