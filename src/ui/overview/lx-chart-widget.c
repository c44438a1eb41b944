/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-chart-widget"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lx-chart-widget.h"
#include "lx-window.h"

#define MENU_MARGIN 6

struct _LxChartWidget
{
  GtkWidget  parent_instance;

  LxChart   *chart;
  GtkWidget *menu_button;
};

G_DEFINE_FINAL_TYPE (LxChartWidget, lx_chart_widget, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CHART, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* Drawing ----------------------------------------------------------------- */

static void
lx_chart_widget_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  LxChartWidget *self = LX_CHART_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->chart != NULL && width > 0 && height > 0)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

      lx_chart_set_theme (self->chart, dark ? LX_CHART_THEME_DARK : LX_CHART_THEME_LIGHT);
      lx_chart_set_background (self->chart, FALSE);
      lx_chart_draw (self->chart, cr, 0, 0, width, height);
      cairo_destroy (cr);
    }
  gtk_widget_snapshot_child (widget, self->menu_button, snapshot);
}

static void
lx_chart_widget_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  LxChartWidget *self = LX_CHART_WIDGET (widget);
  int child_min = 0, child_nat = 0;

  gtk_widget_measure (self->menu_button, orientation, -1, &child_min, &child_nat, NULL, NULL);
  *minimum = MAX (child_min + 2 * MENU_MARGIN, orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 160);
  *natural = MAX (*minimum, orientation == GTK_ORIENTATION_HORIZONTAL ? 420 : 260);
}

static void
lx_chart_widget_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  LxChartWidget *self = LX_CHART_WIDGET (widget);
  int w, h;

  gtk_widget_measure (self->menu_button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
  gtk_widget_measure (self->menu_button, GTK_ORIENTATION_VERTICAL, -1, NULL, &h, NULL, NULL);
  gtk_widget_size_allocate (self->menu_button,
                            &(GtkAllocation) { width - w - MENU_MARGIN, MENU_MARGIN, w, h }, -1);
}

/* Export ------------------------------------------------------------------- */

static void
notify (LxChartWidget *self,
        const char    *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (LX_IS_WINDOW (root))
    lx_window_show_toast (LX_WINDOW (root), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(LxChartWidget) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  LxChartFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "format"));

  if (response == GTK_RESPONSE_ACCEPT && self->chart != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file ? g_file_get_path (file) : NULL;
    }
  g_object_unref (dialog);
  if (path == NULL)
    return;

  /* A file gets at least a printable size, and the light palette: it is
   * read on paper and in other people's viewers. */
  lx_chart_set_theme (self->chart, LX_CHART_THEME_LIGHT);
  if (!lx_chart_save (self->chart, path, format,
                      MAX (gtk_widget_get_width (GTK_WIDGET (self)), 800),
                      MAX (gtk_widget_get_height (GTK_WIDGET (self)), 480), &error))
    notify (self, error->message);
  else
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *message = g_strdup_printf (_("Chart saved as “%s”"), name);
      notify (self, message);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LxChartWidget *self = LX_CHART_WIDGET (widget);
  const char *ext = g_variant_get_string (param, NULL);
  GtkNative *native = gtk_widget_get_native (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (self->chart == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Export Chart"),
                                        GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s.%s", lx_chart_get_title (self->chart) ? lx_chart_get_title (self->chart)
                                                                     : _("Chart"), ext);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "format",
                     GINT_TO_POINTER (lx_chart_format_for_path (name)));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static GtkWidget *
create_menu_button (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button;

  g_menu_append (menu, _("Export as PNG…"), "chart.export::png");
  g_menu_append (menu, _("Export as SVG…"), "chart.export::svg");
  g_menu_append (menu, _("Export as PDF…"), "chart.export::pdf");
  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-save-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Export Chart"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Export Chart"), -1);
  return button;
}

/* Object ------------------------------------------------------------------- */

LxChart *
lx_chart_widget_get_chart (LxChartWidget *self)
{
  g_return_val_if_fail (LX_IS_CHART_WIDGET (self), NULL);
  return self->chart;
}

void
lx_chart_widget_set_chart (LxChartWidget *self,
                           LxChart       *chart)
{
  g_return_if_fail (LX_IS_CHART_WIDGET (self));

  if (self->chart == chart)
    return;
  g_clear_pointer (&self->chart, lx_chart_unref);
  self->chart = chart ? lx_chart_ref (chart) : NULL;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  chart && lx_chart_get_title (chart) ? lx_chart_get_title (chart) : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

GtkWidget *
lx_chart_widget_new (LxChart *chart)
{
  return g_object_new (LX_TYPE_CHART_WIDGET, "chart", chart, NULL);
}

static void
on_dark_changed (LxChartWidget *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
lx_chart_widget_dispose (GObject *object)
{
  LxChartWidget *self = LX_CHART_WIDGET (object);

  g_clear_pointer (&self->menu_button, gtk_widget_unparent);
  g_clear_pointer (&self->chart, lx_chart_unref);
  G_OBJECT_CLASS (lx_chart_widget_parent_class)->dispose (object);
}

static void
lx_chart_widget_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_boxed (value, LX_CHART_WIDGET (object)->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_chart_widget_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CHART:
      lx_chart_widget_set_chart (LX_CHART_WIDGET (object), g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_chart_widget_class_init (LxChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lx_chart_widget_dispose;
  object_class->get_property = lx_chart_widget_get_property;
  object_class->set_property = lx_chart_widget_set_property;
  widget_class->snapshot = lx_chart_widget_snapshot;
  widget_class->measure = lx_chart_widget_measure;
  widget_class->size_allocate = lx_chart_widget_size_allocate;

  properties[PROP_CHART] =
    g_param_spec_boxed ("chart", NULL, NULL, LX_TYPE_CHART,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_action);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lx_chart_widget_init (LxChartWidget *self)
{
  self->menu_button = create_menu_button ();
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}
