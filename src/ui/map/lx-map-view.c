/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-map-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-date.h"
#include "lx-households-view.h"
#include "lx-map-canvas.h"
#include "lx-map-plan-menu.h"
#include "lx-map-view.h"
#include "lx-map.h"
#include "lx-repo.h"
#include "lx-window.h"
#include "visits/lx-visit-editor.h"

#define FIND_LIMIT 8

struct _LxMapView
{
  GtkWidget     parent_instance;

  LxStore      *store;
  LxMap        *map;
  int           year;
  guint         reload_id;
  gboolean      refill;      /* zones, members or need tags changed */
  GPtrArray    *zones;       /* LxZone, index + 1 in the dropdown */
  GPtrArray    *members;     /* LxMember, index + 1 */
  GPtrArray    *need_tags;   /* LxNeedTag, index + 1 */
  GCancellable *cancellable;

  /* template widgets */
  GtkWidget    *box;
  GtkDropDown  *zone_dropdown;
  GtkDropDown  *member_dropdown;
  GtkDropDown  *need_dropdown;
  GtkButton    *zoom_button;
  LxMapCanvas  *canvas;
  GtkListBox   *find_list;
  GtkSearchEntry *find_entry;
  GtkWidget    *selected_box;
  GtkLabel     *selected_label;
  GtkLabel     *coverage_label;
  GtkBox       *zones_box;
};

G_DEFINE_FINAL_TYPE (LxMapView, lx_map_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_STORE, PROP_YEAR, N_PROPS };
static GParamSpec *properties[N_PROPS];

static int
percent (int part,
         int whole)
{
  return whole > 0 ? (int)(100.0 * part / whole + 0.5) : 0;
}

/* Coverage -------------------------------------------------------------------- */

static GtkWidget *
zone_row (const LxMapZoneCoverage *z)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = gtk_label_new (NULL);
  g_autofree char *dot = g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">■</span>",
                                          (int)(z->colour.red * 255), (int)(z->colour.green * 255),
                                          (int)(z->colour.blue * 255));
  /* Translators: a zone's coverage: visited of households (percent) */
  g_autofree char *figures = g_strdup_printf (_("%d of %d (%d%%)"), z->visited, z->households,
                                              percent (z->visited, z->households));
  GtkWidget *name = gtk_label_new (z->name);
  GtkWidget *value = gtk_label_new (figures);

  gtk_label_set_markup (GTK_LABEL (swatch), dot);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (value, "numeric");
  gtk_box_append (GTK_BOX (row), swatch);
  gtk_box_append (GTK_BOX (row), name);
  gtk_box_append (GTK_BOX (row), value);
  return row;
}

static void
update_coverage (LxMapView *self)
{
  const LxMapCoverage *c = &self->map->coverage;
  g_autofree char *text = NULL;
  GtkWidget *child;

  text = g_strdup_printf (_("%d of %d households visited (%d%%)\n"
                            "Needy: %d of %d visited (%d%%)\n"
                            "Overdue: %d · never visited: %d"),
                          c->visited, c->households, percent (c->visited, c->households),
                          c->needy_visited, c->needy, percent (c->needy_visited, c->needy),
                          c->by_status[LX_VISIT_STATUS_OVERDUE], c->by_status[LX_VISIT_STATUS_NEVER]);
  gtk_label_set_text (self->coverage_label, text);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->zones_box))) != NULL)
    gtk_box_remove (self->zones_box, child);
  for (guint i = 0; i < c->zones->len; i++)
    {
      const LxMapZoneCoverage *z = &g_array_index (c->zones, LxMapZoneCoverage, i);
      if (z->households > 0)
        gtk_box_append (self->zones_box, zone_row (z));
    }
}

/* Loading and filters ------------------------------------------------------------ */

static gpointer
selected_item (GtkDropDown *dropdown,
               GPtrArray   *items)
{
  guint pos = gtk_drop_down_get_selected (dropdown);

  return pos != GTK_INVALID_LIST_POSITION && pos > 0 && items != NULL && pos - 1 < items->len
           ? g_ptr_array_index (items, pos - 1) : NULL;
}

static void
apply_filter (LxMapView *self)
{
  LxZone *zone = selected_item (self->zone_dropdown, self->zones);
  LxMember *member = selected_item (self->member_dropdown, self->members);
  LxNeedTag *tag = selected_item (self->need_dropdown, self->need_tags);

  if (self->map == NULL)
    return;
  lx_map_apply_filter (self->map, zone ? zone->id : 0, member ? member->id : 0, tag ? tag->code : NULL);
  lx_map_canvas_redraw (self->canvas);
}

static void
reload (LxMapView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxMap) map = NULL;

  if (self->store == NULL || self->year <= 0)
    return;
  map = lx_map_load (self->store, self->year, 0, NULL, &error);
  if (map == NULL)
    {
      g_warning ("Cannot load the contact map: %s", error->message);
      return;
    }
  g_clear_pointer (&self->map, lx_map_unref);
  self->map = g_steal_pointer (&map);
  lx_map_apply_filter (self->map, 0, 0, NULL);
  lx_map_canvas_set_map (self->canvas, self->map);
  apply_filter (self);
  update_coverage (self);
}

static void
fill_dropdown (GtkDropDown *dropdown,
               const char  *all,
               GPtrArray   *items,
               gsize        name_offset)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; items != NULL && i < items->len; i++)
    gtk_string_list_append (list, G_STRUCT_MEMBER (const char *, g_ptr_array_index (items, i), name_offset));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

static gint64
selected_id (GtkDropDown *dropdown,
             GPtrArray   *items,
             gsize        id_offset)
{
  gpointer item = selected_item (dropdown, items);

  return item != NULL ? G_STRUCT_MEMBER (gint64, item, id_offset) : 0;
}

static void
select_id (GtkDropDown *dropdown,
           GPtrArray   *items,
           gsize        id_offset,
           gint64       id)
{
  for (guint i = 0; id > 0 && items != NULL && i < items->len; i++)
    if (G_STRUCT_MEMBER (gint64, g_ptr_array_index (items, i), id_offset) == id)
      gtk_drop_down_set_selected (dropdown, i + 1);
}

/* Refilled when zones or members change; the choices made stay chosen. */
static void
fill_filters (LxMapView *self)
{
  gint64 zone = selected_id (self->zone_dropdown, self->zones, G_STRUCT_OFFSET (LxZone, id));
  gint64 member = selected_id (self->member_dropdown, self->members, G_STRUCT_OFFSET (LxMember, id));
  guint need = gtk_drop_down_get_selected (self->need_dropdown);

  self->refill = FALSE;
  g_clear_pointer (&self->zones, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->need_tags, g_ptr_array_unref);
  self->zones = lx_repo_list_zones (self->store, NULL);
  self->members = lx_repo_list_members (self->store, 0, NULL);
  self->need_tags = lx_repo_list_need_tags (self->store, NULL);
  fill_dropdown (self->zone_dropdown, _("All Zones"), self->zones, G_STRUCT_OFFSET (LxZone, name));
  fill_dropdown (self->member_dropdown, _("All Members"), self->members, G_STRUCT_OFFSET (LxMember, name));
  fill_dropdown (self->need_dropdown, _("All Households"), self->need_tags, G_STRUCT_OFFSET (LxNeedTag, label));
  select_id (self->zone_dropdown, self->zones, G_STRUCT_OFFSET (LxZone, id), zone);
  select_id (self->member_dropdown, self->members, G_STRUCT_OFFSET (LxMember, id), member);
  /* Need tags are few and fixed in order: the position is enough. */
  if (need != GTK_INVALID_LIST_POSITION && self->need_tags != NULL && need <= self->need_tags->len)
    gtk_drop_down_set_selected (self->need_dropdown, need);
}

static gboolean
reload_idle (gpointer data)
{
  LxMapView *self = data;

  self->reload_id = 0;
  if (self->refill)
    fill_filters (self);
  reload (self);
  return G_SOURCE_REMOVE;
}

/* A save touches several tables at once: one reload after them all. */
static void
on_store_changed (LxMapView  *self,
                  const char *table)
{
  static const char * const tables[] = { "household", "visit", "pairing", "building", "site", "zone",
                                         "household_need", "need_tag", "visit_rule", "member", NULL };

  if (!g_strv_contains (tables, table))
    return;
  if (g_str_equal (table, "zone") || g_str_equal (table, "member") || g_str_equal (table, "need_tag"))
    self->refill = TRUE;
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle, self);
}

/* Households: open, log a visit, find ------------------------------------------------ */

static void
open_household (LxMapView *self,
                gint64     id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *view;

  if (!LX_IS_WINDOW (root) || id <= 0)
    return;
  view = lx_window_show_view (LX_WINDOW (root), "households");
  if (LX_IS_HOUSEHOLDS_VIEW (view))
    lx_households_view_show_household (LX_HOUSEHOLDS_VIEW (view), id);
}

static void
on_activate_household (LxMapView *self,
                       gint64     id)
{
  open_household (self, id);
}

static void
on_selection_changed (LxMapView *self,
                      gint64     id)
{
  LxMapCell *c = self->map && id > 0 ? lx_map_get_cell (self->map, id) : NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->selected_box, c != NULL);
  if (c == NULL)
    return;
  /* Translators: head of household, room, visit status */
  text = g_strdup_printf (_("%s, room %s\n%s"), c->head_name, c->room ? c->room : "—",
                          lx_map_status_label (c->status));
  gtk_label_set_text (self->selected_label, text);
}

static gboolean
unparent_idle (gpointer data)
{
  GtkWidget *popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  g_object_unref (popover);
  return G_SOURCE_REMOVE;
}

static void
on_menu_closed (GtkPopover *popover,
                LxMapView  *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->canvas), TRUE);
  /* Unparented when closed, or it would outlive its menu; once idle, since
   * a menu item closes the menu before it activates its action. */
  g_idle_add (unparent_idle, g_object_ref (popover));
}

static void
on_context_menu (LxMapView *self,
                 gint64     id,
                 double     x,
                 double     y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) open = g_menu_item_new (_("Open Household"), NULL);
  g_autoptr(GMenuItem) log = g_menu_item_new (_("Log a Visit…"), NULL);
  GtkWidget *popover;

  g_menu_item_set_action_and_target_value (open, "map.open", g_variant_new_int64 (id));
  g_menu_item_set_action_and_target_value (log, "map.log-visit", g_variant_new_int64 (id));
  g_menu_append_item (menu, log);
  g_menu_append_item (menu, open);
  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, GTK_WIDGET (self->canvas));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int)x, (int)y, 1, 1 });
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  g_signal_connect (popover, "closed", G_CALLBACK (on_menu_closed), self);
  /* The hover tooltip would cover the menu. */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->canvas), FALSE);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
on_site_menu (LxMapView *self,
              gint64     site_id,
              double     x,
              double     y)
{
  if (self->map != NULL && self->store != NULL)
    lx_map_plan_menu_popup (GTK_WIDGET (self->canvas), self->store, self->map, site_id, x, y);
}

static void
on_found_clicked (GtkButton *button,
                  LxMapView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "household-id"));

  lx_map_canvas_select (self->canvas, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static GtkWidget *
found_button (LxMapView *self,
              gint64     id)
{
  LxMapCell *c = lx_map_get_cell (self->map, id);
  LxMapBuilding *b = lx_map_get_building (self->map, c->building_id);
  LxMapSite *site = NULL;
  g_autofree char *label = NULL;

  for (guint i = 0; i < self->map->sites->len && site == NULL; i++)
    if (((LxMapSite *)g_ptr_array_index (self->map->sites, i))->id == b->site_id)
      site = g_ptr_array_index (self->map->sites, i);
  /* The address as on the door (幸福里小区3号楼 501): data, not translated. */
  label = g_strdup_printf ("%s · %s%s %s", c->head_name, site ? site->name : "", b->name, c->room ? c->room : "");
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "flat");
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
  gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), PANGO_ELLIPSIZE_END);
  g_object_set_data (G_OBJECT (button), "household-id", GSIZE_TO_POINTER ((gsize)id));
  g_signal_connect (button, "clicked", G_CALLBACK (on_found_clicked), self);
  return button;
}

static void
on_find_changed (LxMapView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  /* gtk_list_box_remove_all() is GTK 4.12 */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->find_list))) != NULL)
    gtk_list_box_remove (self->find_list, child);
  if (self->map == NULL || (ids = lx_map_find (self->store, self->map, text, FIND_LIMIT, &error)) == NULL)
    {
      if (error != NULL)
        g_warning ("Cannot search the map: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->find_list), FALSE);
      return;
    }
  for (guint i = 0; i < ids->len; i++)
    gtk_list_box_append (self->find_list, found_button (self, g_array_index (ids, gint64, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->find_list), ids->len > 0);
}

/* Actions --------------------------------------------------------------------------- */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LxMapView *self = LX_MAP_VIEW (widget);

  if (g_str_equal (action_name, "map.zoom-in"))
    lx_map_canvas_zoom_step (self->canvas, 1);
  else if (g_str_equal (action_name, "map.zoom-out"))
    lx_map_canvas_zoom_step (self->canvas, -1);
  else
    lx_map_canvas_zoom_fit (self->canvas);
}

static void
on_zoom_changed (LxMapView *self)
{
  g_autofree char *label = g_strdup_printf ("%d%%", (int)(lx_map_canvas_get_zoom (self->canvas) * 100 + 0.5));

  gtk_button_set_label (self->zoom_button, label);
}

static void
household_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LxMapView *self = LX_MAP_VIEW (widget);
  gint64 id = param != NULL ? g_variant_get_int64 (param) : lx_map_canvas_get_selected (self->canvas);

  if (id <= 0)
    return;
  if (g_str_has_prefix (action_name, "map.log-visit"))
    lx_visit_editor_present (widget, self->store, id);
  else
    open_household (self, id);
}

/* Export, in a thread with a connection of its own. */
typedef struct
{
  char       *database;
  char       *path;
  int         year;
  LxMapPaper  paper;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->database);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LxStore) store = lx_store_open (job->database, LX_STORE_OPEN_DEFAULT, &error);
  g_autoptr(LxMap) map = NULL;

  if (store == NULL || (map = lx_map_load (store, job->year, 0, NULL, &error)) == NULL ||
      !lx_map_export (map, job->path, LX_MAP_FORMAT_AUTO, job->paper, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  LxMapView *self = LX_MAP_VIEW (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.export", TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    message = g_strdup (error->message);
  else
    {
      g_autofree char *name = g_path_get_basename (job->path);
      message = g_strdup_printf (_("Map saved as “%s”"), name);
    }
  if (LX_IS_WINDOW (root))
    lx_window_show_toast (LX_WINDOW (root), adw_toast_new (message));
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  LxMapView *self = user_data;
  ExportJob *job = g_object_steal_data (G_OBJECT (dialog), "job");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL || (job->path = g_file_get_path (file)) == NULL)
    {
      export_job_free (job);
      return;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.export", FALSE);
  task = g_task_new (self, self->cancellable, export_done, NULL);
  g_task_set_source_tag (task, on_export_response);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LxMapView *self = LX_MAP_VIEW (widget);
  const char *kind = g_variant_get_string (param, NULL);
  gboolean pdf = g_str_has_prefix (kind, "pdf");
  GtkNative *native = gtk_widget_get_native (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  ExportJob *job = g_new0 (ExportJob, 1);

  job->database = g_strdup (lx_store_get_path (self->store));
  job->year = self->year;
  job->paper = g_str_has_suffix (kind, "a3") ? LX_MAP_PAPER_A3 : LX_MAP_PAPER_A4;
  dialog = gtk_file_chooser_native_new (_("Export Contact Map"),
                                        GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, pdf ? _("PDF Documents") : _("PNG Images"));
  gtk_file_filter_add_suffix (filter, pdf ? "pdf" : "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  /* Translators: the file name of the exported map, "2026年串百家门地图.pdf" */
  name = g_strdup_printf (_("Contact Map %d.%s"), self->year, pdf ? "pdf" : "png");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "job", job);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Public ---------------------------------------------------------------------------- */

void
lx_map_view_set_year (LxMapView *self,
                      int        year)
{
  g_return_if_fail (LX_IS_MAP_VIEW (self));

  if (self->year == year)
    return;
  self->year = year;
  if (self->zones != NULL)   /* constructed: the first load is constructed()'s */
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

LxMapView *
lx_map_view_new (LxStore *store)
{
  return g_object_new (LX_TYPE_MAP_VIEW, "store", store, "year", lx_date_current_year (), NULL);
}

/* GObject ---------------------------------------------------------------------------- */

static void
lx_map_view_constructed (GObject *object)
{
  LxMapView *self = LX_MAP_VIEW (object);

  G_OBJECT_CLASS (lx_map_view_parent_class)->constructed (object);
  lx_map_canvas_set_store (self->canvas, self->store);
  fill_filters (self);
  g_signal_connect_swapped (self->zone_dropdown, "notify::selected", G_CALLBACK (apply_filter), self);
  g_signal_connect_swapped (self->member_dropdown, "notify::selected", G_CALLBACK (apply_filter), self);
  g_signal_connect_swapped (self->need_dropdown, "notify::selected", G_CALLBACK (apply_filter), self);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
lx_map_view_dispose (GObject *object)
{
  LxMapView *self = LX_MAP_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LX_TYPE_MAP_VIEW);
  g_clear_pointer (&self->map, lx_map_unref);
  g_clear_pointer (&self->zones, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->need_tags, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (lx_map_view_parent_class)->dispose (object);
}

static void
lx_map_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LxMapView *self = LX_MAP_VIEW (object);

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
lx_map_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LxMapView *self = LX_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_YEAR:
      lx_map_view_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lx_map_view_class_init (LxMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lx_map_view_constructed;
  object_class->dispose = lx_map_view_dispose;
  object_class->get_property = lx_map_view_get_property;
  object_class->set_property = lx_map_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LX_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, 9999, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LX_TYPE_MAP_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lianxin/Lianxin/ui/lx-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LxMapView, box);
  gtk_widget_class_bind_template_child (widget_class, LxMapView, zone_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LxMapView, member_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LxMapView, need_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LxMapView, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, LxMapView, canvas);
  gtk_widget_class_bind_template_child (widget_class, LxMapView, find_list);
  gtk_widget_class_bind_template_child (widget_class, LxMapView, find_entry);
  gtk_widget_class_bind_template_child (widget_class, LxMapView, selected_box);
  gtk_widget_class_bind_template_child (widget_class, LxMapView, selected_label);
  gtk_widget_class_bind_template_child (widget_class, LxMapView, coverage_label);
  gtk_widget_class_bind_template_child (widget_class, LxMapView, zones_box);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_household);
  gtk_widget_class_bind_template_callback (widget_class, on_context_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_find_changed);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "map.open", "x", household_action);
  gtk_widget_class_install_action (widget_class, "map.log-visit", "x", household_action);
  gtk_widget_class_install_action (widget_class, "map.open-selected", NULL, household_action);
  gtk_widget_class_install_action (widget_class, "map.log-visit-selected", NULL, household_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "map.zoom-fit", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lx_map_view_init (LxMapView *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->canvas, "notify::zoom", G_CALLBACK (on_zoom_changed), self);
  g_signal_connect_swapped (self->canvas, "site-menu", G_CALLBACK (on_site_menu), self);
  on_zoom_changed (self);
}
