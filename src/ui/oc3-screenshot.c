/* oc3-screenshot.c — a PNG of a widget as it is drawn, without any external tool.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "oc3-screenshot.h"

/* Frames to let pass before the shot, so that layout, fonts and styles have settled. */
#define SETTLE_FRAMES 8

typedef struct
{
  GtkWidget *widget;
  char      *path;
  guint      tick_id;
  int        frames;
} ScreenshotData;

static void
screenshot_data_free (ScreenshotData *data)
{
  if (data->tick_id != 0)
    gtk_widget_remove_tick_callback (data->widget, data->tick_id);
  g_clear_object (&data->widget);
  g_free (data->path);
  g_free (data);
}

gboolean
oc3_screenshot_save_now (GtkWidget   *widget,
                         const char  *path,
                         GError     **error)
{
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  if (renderer == NULL || width <= 0 || height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The window is not shown"));
      return FALSE;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The window drew nothing"));
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s"), path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  GTask *task = user_data;
  ScreenshotData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (++data->frames < SETTLE_FRAMES)
    return G_SOURCE_CONTINUE;

  data->tick_id = 0;
  if (oc3_screenshot_save_now (widget, data->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);

  return G_SOURCE_REMOVE;
}

/* Waits until the widget has drawn a few frames, then saves it. */
void
oc3_screenshot_save_async (GtkWidget           *widget,
                           const char          *path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  ScreenshotData *data;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, oc3_screenshot_save_async);

  data = g_new0 (ScreenshotData, 1);
  data->widget = g_object_ref (widget);
  data->path = g_strdup (path);
  g_task_set_task_data (task, data, (GDestroyNotify) screenshot_data_free);

  data->tick_id = gtk_widget_add_tick_callback (widget, tick_cb, g_object_ref (task), g_object_unref);
}

gboolean
oc3_screenshot_save_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
