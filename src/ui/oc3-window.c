/* oc3-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "oc3-window.h"

struct _Oc3Window
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;

  /* Template widgets */
  AdwNavigationSplitView *split_view;
  AdwNavigationPage      *content_page;
  GtkListBox             *views_list;
  GtkStack               *view_stack;
  GtkLabel               *conference_title_label;
  GtkLabel               *conference_details_label;
};

G_DEFINE_FINAL_TYPE (Oc3Window, oc3_window, ADW_TYPE_APPLICATION_WINDOW)

Oc3Window *
oc3_window_new (Oc3Application *application)
{
  return g_object_new (OC3_TYPE_WINDOW, "application", application, NULL);
}

static GtkListBoxRow *
find_view_row (Oc3Window  *self,
               const char *view_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->views_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_strcmp0 (gtk_widget_get_name (child), view_name) == 0)
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

void
oc3_window_show_view (Oc3Window  *self,
                      const char *view_name)
{
  GtkListBoxRow *row;
  GtkStackPage *page;

  g_return_if_fail (OC3_IS_WINDOW (self));

  row = find_view_row (self, view_name);
  if (row == NULL)
    {
      g_message ("No view called “%s”", view_name);
      return;
    }

  gtk_list_box_select_row (self->views_list, row);
  gtk_stack_set_visible_child_name (self->view_stack, view_name);
  page = gtk_stack_get_page (self->view_stack, gtk_stack_get_visible_child (self->view_stack));
  adw_navigation_page_set_title (self->content_page, gtk_stack_page_get_title (page));
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

const char *
oc3_window_get_view (Oc3Window *self)
{
  g_return_val_if_fail (OC3_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->view_stack);
}

static void
view_row_activated_cb (Oc3Window     *self,
                       GtkListBoxRow *row)
{
  oc3_window_show_view (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
oc3_window_constructed (GObject *object)
{
  Oc3Window *self = OC3_WINDOW (object);

  G_OBJECT_CLASS (oc3_window_parent_class)->constructed (object);

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

static void
oc3_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OC3_TYPE_WINDOW);

  G_OBJECT_CLASS (oc3_window_parent_class)->dispose (object);
}

static void
oc3_window_finalize (GObject *object)
{
  Oc3Window *self = OC3_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (oc3_window_parent_class)->finalize (object);
}

static void
oc3_window_class_init (Oc3WindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = oc3_window_constructed;
  object_class->dispose = oc3_window_dispose;
  object_class->finalize = oc3_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/OC3/ui/oc3-window.ui");
  gtk_widget_class_bind_template_child (widget_class, Oc3Window, split_view);
  gtk_widget_class_bind_template_child (widget_class, Oc3Window, content_page);
  gtk_widget_class_bind_template_child (widget_class, Oc3Window, views_list);
  gtk_widget_class_bind_template_child (widget_class, Oc3Window, view_stack);
  gtk_widget_class_bind_template_child (widget_class, Oc3Window, conference_title_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3Window, conference_details_label);
  gtk_widget_class_bind_template_callback (widget_class, view_row_activated_cb);
}

static void
oc3_window_init (Oc3Window *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  oc3_window_show_view (self, "schedule");
  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
}
