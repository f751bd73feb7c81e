/* oc3-color-swatch.c — a track's colour as a small dot beside its name.
 *
 * The colour only repeats what the name next to it says, so the swatch is
 * presentational and screen readers skip it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-color-swatch.h"

#define SWATCH_SIZE 14

/* Tracks without a colour, and colours the program spells wrong, are grey. */
#define FALLBACK_COLOR "#9a9996"

struct _Oc3ColorSwatch
{
  GtkWidget parent_instance;

  char    *color;
  GdkRGBA  rgba;
};

G_DEFINE_FINAL_TYPE (Oc3ColorSwatch, oc3_color_swatch, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
oc3_color_swatch_new (const char *color)
{
  return g_object_new (OC3_TYPE_COLOR_SWATCH, "color", color, NULL);
}

void
oc3_color_swatch_set_color (Oc3ColorSwatch *self,
                            const char     *color)
{
  g_return_if_fail (OC3_IS_COLOR_SWATCH (self));

  if (!g_set_str (&self->color, color))
    return;

  if (color == NULL || !gdk_rgba_parse (&self->rgba, color))
    gdk_rgba_parse (&self->rgba, FALLBACK_COLOR);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

const char *
oc3_color_swatch_get_color (Oc3ColorSwatch *self)
{
  g_return_val_if_fail (OC3_IS_COLOR_SWATCH (self), NULL);

  return self->color;
}

static void
oc3_color_swatch_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = *natural = SWATCH_SIZE;
}

static void
oc3_color_swatch_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  Oc3ColorSwatch *self = OC3_COLOR_SWATCH (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float size = MIN (width, height);
  GskRoundedRect circle;

  gsk_rounded_rect_init_from_rect (&circle,
                                   &GRAPHENE_RECT_INIT ((width - size) / 2, (height - size) / 2, size, size),
                                   size / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_color (snapshot, &self->rgba, &circle.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
oc3_color_swatch_finalize (GObject *object)
{
  Oc3ColorSwatch *self = OC3_COLOR_SWATCH (object);

  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (oc3_color_swatch_parent_class)->finalize (object);
}

static void
oc3_color_swatch_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  Oc3ColorSwatch *self = OC3_COLOR_SWATCH (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_color_swatch_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  Oc3ColorSwatch *self = OC3_COLOR_SWATCH (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      oc3_color_swatch_set_color (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_color_swatch_class_init (Oc3ColorSwatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = oc3_color_swatch_finalize;
  object_class->get_property = oc3_color_swatch_get_property;
  object_class->set_property = oc3_color_swatch_set_property;
  widget_class->measure = oc3_color_swatch_measure;
  widget_class->snapshot = oc3_color_swatch_snapshot;

  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "colorswatch");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
oc3_color_swatch_init (Oc3ColorSwatch *self)
{
  gdk_rgba_parse (&self->rgba, FALLBACK_COLOR);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}
