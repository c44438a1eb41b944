/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-evaluation-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-date.h"
#include "lx-evaluation-view-private.h"
#include "lx-window.h"

G_DEFINE_FINAL_TYPE (LxEvaluationView, lx_evaluation_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_STORE, PROP_YEAR, N_PROPS };
static GParamSpec *properties[N_PROPS];

void
lx_evaluation_view_toast (LxEvaluationView *self,
                          const char       *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (LX_IS_WINDOW (root))
    lx_window_show_toast (LX_WINDOW (root), adw_toast_new (message));
}

char *
lx_evaluation_percent (double rate)
{
  if (rate < 0)
    return g_strdup ("—");
  return g_strdup_printf ("%.1f%%", 100 * rate);
}

/* Very short item headings: the ballot grid has four narrow columns per
 * person. */
const char *
lx_evaluation_item_abbrev (LxEvaluationItem item)
{
  static const char * const abbrev[LX_N_ITEMS] = {
    NC_("evaluation item, abbreviated", "Con"),
    NC_("evaluation item, abbreviated", "App"),
    NC_("evaluation item, abbreviated", "Rel"),
    NC_("evaluation item, abbreviated", "Sat"),
  };

  g_return_val_if_fail (item < LX_N_ITEMS, NULL);
  return g_dpgettext2 (NULL, "evaluation item, abbreviated", abbrev[item]);
}

/* The campaign -------------------------------------------------------------------- */

static void
show_none (LxEvaluationView *self,
           gint64            org_id)
{
  /* Translators: the heading when a year has no evaluation yet */
  g_autofree char *title = g_strdup_printf (_("No Evaluation in %d"), self->year);
  /* Translators: the button that creates this year's evaluation campaign */
  g_autofree char *start = g_strdup_printf (_("Start the %d Evaluation"), self->year);

  adw_status_page_set_title (self->empty_page, title);
  gtk_button_set_label (self->start_button, start);
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), org_id > 0);
  if (org_id <= 0)
    adw_status_page_set_description (self->empty_page,
                                     _("Add the party organization and its members first."));
  gtk_stack_set_visible_child_name (self->main_stack, "none");
}

static void
update_header (LxEvaluationView *self)
{
  gint64 n = lx_evaluation_count_ballots (self->store, self->campaign->id, NULL);
  g_autofree char *count = g_strdup_printf (g_dngettext (NULL, "%d ballot", "%d ballots", (gulong)MAX (n, 0)),
                                            (int)MAX (n, 0));
  g_autofree char *subtitle = NULL;

  gtk_label_set_text (self->title_label, self->campaign->title);
  if (self->campaign->held_on != NULL)
    /* Translators: organization · held on date · number of ballots */
    subtitle = g_strdup_printf (_("%s · held on %s · %s"), self->campaign->org_name,
                                self->campaign->held_on, count);
  else
    subtitle = g_strdup_printf ("%s · %s", self->campaign->org_name, count);
  gtk_label_set_text (self->subtitle_label, subtitle);
  g_free (subtitle);
  /* Translators: the running count while entering ballots */
  subtitle = g_strdup_printf (g_dngettext (NULL, "%d ballot entered", "%d ballots entered", (gulong)MAX (n, 0)),
                              (int)MAX (n, 0));
  gtk_label_set_text (self->count_label, subtitle);
}

static gboolean
same_targets (GPtrArray *a,
              GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      LxEvaluationTarget *ta = g_ptr_array_index (a, i), *tb = g_ptr_array_index (b, i);
      if (ta->id != tb->id || g_strcmp0 (ta->name, tb->name) != 0)
        return FALSE;
    }
  return TRUE;
}

static GPtrArray *
load_targets (LxEvaluationView *self)
{
  g_autoptr(GPtrArray) members = lx_evaluation_list_targets (self->store, self->campaign->id, NULL);
  GPtrArray *targets = g_ptr_array_new_with_free_func ((GDestroyNotify)lx_evaluation_target_free);
  LxEvaluationTarget *org = g_new0 (LxEvaluationTarget, 1);

  org->name = g_strdup (_("The organization"));
  org->org_name = g_strdup (self->campaign->org_name);
  g_ptr_array_add (targets, org);
  while (members != NULL && members->len > 0)
    g_ptr_array_add (targets, g_ptr_array_steal_index (members, 0));
  return targets;
}

static void
reload (LxEvaluationView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  gint64 org_id, old_id = self->campaign ? self->campaign->id : 0;

  if (self->store == NULL || self->year <= 0)
    return;
  g_clear_pointer (&self->campaign, lx_campaign_free);
  org_id = lx_evaluation_default_org (self->store, NULL);
  if (org_id <= 0 || !lx_evaluation_find_campaign (self->store, org_id, self->year, &self->campaign, &error)
      || self->campaign == NULL)
    {
      if (error != NULL)
        g_warning ("Cannot load the evaluation: %s", error->message);
      show_none (self, org_id);
      return;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "campaign");
  update_header (self);
  targets = load_targets (self);
  if (self->campaign->id != old_id || !same_targets (targets, self->targets))
    {
      g_clear_pointer (&self->targets, g_ptr_array_unref);
      self->targets = g_steal_pointer (&targets);
      lx_evaluation_ballots_rebuild (self);
    }
  else
    lx_evaluation_ballots_refresh (self);
  lx_evaluation_results_fill (self);
}

static gboolean
reload_idle (gpointer data)
{
  LxEvaluationView *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* Many changes in a row (an import, a demo) reload once. */
static void
on_store_changed (LxEvaluationView *self,
                  const char       *table)
{
  /* What the ballots, the rates and the suggested grades are made of. */
  static const char * const relevant[] = {
    "ballot", "evaluation_campaign", "member_review", "member", "organization", "visit", "pairing",
    "appeal", "pledge", NULL,
  };

  if (!g_strv_contains (relevant, table))
    return;
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (300, reload_idle, self);
}

static void
on_start_clicked (LxEvaluationView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 org_id = lx_evaluation_default_org (self->store, &error);

  if (org_id <= 0
      || lx_evaluation_create_campaign (self->store, org_id, self->year, NULL, NULL, &error) == 0)
    {
      lx_evaluation_view_toast (self, error->message);
      return;
    }
  g_clear_handle_id (&self->reload_id, g_source_remove);
  reload (self);
  gtk_stack_set_visible_child_name (self->tabs, "ballots");
  if (self->cells != NULL && self->cells->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->cells, 0));
}

static void
on_save_clicked (LxEvaluationView *self)
{
  lx_evaluation_ballots_save (self, TRUE);
}

static void
on_clear_clicked (LxEvaluationView *self)
{
  lx_evaluation_ballots_clear (self);
}

static void
on_delete_clicked (LxEvaluationView *self)
{
  lx_evaluation_ballots_delete (self);
}

static void
on_number_changed (LxEvaluationView *self)
{
  if (!self->filling)
    lx_evaluation_ballots_load (self);
}

/* Object ----------------------------------------------------------------------------- */

void
lx_evaluation_view_set_year (LxEvaluationView *self,
                             int               year)
{
  g_return_if_fail (LX_IS_EVALUATION_VIEW (self));

  if (self->year == year)
    return;
  self->year = year;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

int
lx_evaluation_view_get_year (LxEvaluationView *self)
{
  g_return_val_if_fail (LX_IS_EVALUATION_VIEW (self), 0);
  return self->year;
}

LxEvaluationView *
lx_evaluation_view_new (LxStore *store)
{
  return g_object_new (LX_TYPE_EVALUATION_VIEW, "store", store, "year", lx_date_current_year (), NULL);
}

static void
lx_evaluation_view_constructed (GObject *object)
{
  LxEvaluationView *self = LX_EVALUATION_VIEW (object);

  G_OBJECT_CLASS (lx_evaluation_view_parent_class)->constructed (object);
  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self,
                             G_CONNECT_SWAPPED);
  reload (self);
}

static void
lx_evaluation_view_dispose (GObject *object)
{
  LxEvaluationView *self = LX_EVALUATION_VIEW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LX_TYPE_EVALUATION_VIEW);
  G_OBJECT_CLASS (lx_evaluation_view_parent_class)->dispose (object);
}

static void
lx_evaluation_view_finalize (GObject *object)
{
  LxEvaluationView *self = LX_EVALUATION_VIEW (object);

  g_clear_pointer (&self->campaign, lx_campaign_free);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->results, lx_evaluation_results_free);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (lx_evaluation_view_parent_class)->finalize (object);
}

static void
lx_evaluation_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LxEvaluationView *self = LX_EVALUATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_evaluation_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LxEvaluationView *self = LX_EVALUATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_YEAR:
      lx_evaluation_view_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_evaluation_view_class_init (LxEvaluationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lx_evaluation_view_constructed;
  object_class->dispose = lx_evaluation_view_dispose;
  object_class->finalize = lx_evaluation_view_finalize;
  object_class->get_property = lx_evaluation_view_get_property;
  object_class->set_property = lx_evaluation_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LX_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, 9999, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/lx-evaluation-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LxEvaluationView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LxEvaluationView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LxEvaluationView, start_button);
  gtk_widget_class_bind_template_child (widget_class, LxEvaluationView, title_label);
  gtk_widget_class_bind_template_child (widget_class, LxEvaluationView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LxEvaluationView, tabs);
  gtk_widget_class_bind_template_child (widget_class, LxEvaluationView, number_spin);
  gtk_widget_class_bind_template_child (widget_class, LxEvaluationView, respondent_entry);
  gtk_widget_class_bind_template_child (widget_class, LxEvaluationView, count_label);
  gtk_widget_class_bind_template_child (widget_class, LxEvaluationView, message_label);
  gtk_widget_class_bind_template_child (widget_class, LxEvaluationView, save_button);
  gtk_widget_class_bind_template_child (widget_class, LxEvaluationView, delete_button);
  gtk_widget_class_bind_template_child (widget_class, LxEvaluationView, ballot_grid);
  gtk_widget_class_bind_template_child (widget_class, LxEvaluationView, organization_label);
  gtk_widget_class_bind_template_child (widget_class, LxEvaluationView, results_grid);
  gtk_widget_class_bind_template_child (widget_class, LxEvaluationView, chart_box);
  gtk_widget_class_bind_template_child (widget_class, LxEvaluationView, remedial_list);
  gtk_widget_class_bind_template_child (widget_class, LxEvaluationView, rule_label);
  gtk_widget_class_bind_template_callback (widget_class, on_start_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_number_changed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lx_evaluation_view_init (LxEvaluationView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
