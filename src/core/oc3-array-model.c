/* oc3-array-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-array-model.h"

/*
 * An immutable GListModel over an array of objects. The schedule model has
 * thousands of small lists (each talk's speakers, each speaker's talks, …) that
 * never change once parsed; GListStore keeps each in a GSequence, which costs
 * more memory and makes get_item() O(log n) rather than O(1).
 */

struct _Oc3ArrayModel
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;
};

enum {
  PROP_0,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
oc3_array_model_get_item_type (GListModel *model)
{
  return OC3_ARRAY_MODEL (model)->item_type;
}

static guint
oc3_array_model_get_n_items (GListModel *model)
{
  return OC3_ARRAY_MODEL (model)->items->len;
}

static gpointer
oc3_array_model_get_item (GListModel *model,
                          guint       position)
{
  Oc3ArrayModel *self = OC3_ARRAY_MODEL (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
oc3_array_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = oc3_array_model_get_item_type;
  iface->get_n_items = oc3_array_model_get_n_items;
  iface->get_item = oc3_array_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (Oc3ArrayModel, oc3_array_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      oc3_array_model_list_model_init))

static void
oc3_array_model_finalize (GObject *object)
{
  Oc3ArrayModel *self = OC3_ARRAY_MODEL (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (oc3_array_model_parent_class)->finalize (object);
}

static void
oc3_array_model_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  Oc3ArrayModel *self = OC3_ARRAY_MODEL (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->item_type);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_array_model_class_init (Oc3ArrayModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = oc3_array_model_finalize;
  object_class->get_property = oc3_array_model_get_property;

  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
oc3_array_model_init (Oc3ArrayModel *self)
{
}

/**
 * oc3_array_model_new:
 * @item_type: the type of the items
 * @items: (transfer full) (nullable) (element-type GObject): the items, each
 *   owning a reference, the array with g_object_unref() as its free function
 *
 * Returns: (transfer full): a new model
 */
Oc3ArrayModel *
oc3_array_model_new (GType      item_type,
                     GPtrArray *items)
{
  Oc3ArrayModel *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);

  self = g_object_new (OC3_TYPE_ARRAY_MODEL, NULL);
  self->item_type = item_type;
  self->items = items != NULL ? items : g_ptr_array_new_with_free_func (g_object_unref);

  return self;
}

/**
 * oc3_array_model_peek:
 *
 * Returns: (transfer none): the item at @position, without a new reference
 */
gpointer
oc3_array_model_peek (Oc3ArrayModel *self,
                      guint          position)
{
  g_return_val_if_fail (OC3_IS_ARRAY_MODEL (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return g_ptr_array_index (self->items, position);
}

/*
 * Empties the model, with the items-changed signal the GListModel contract
 * asks for. Only Oc3Conference uses it, to break the reference cycles between
 * talks and their speakers, rooms and tracks when it goes away.
 */
void
oc3_array_model_clear (Oc3ArrayModel *self)
{
  guint n_items;

  g_return_if_fail (OC3_IS_ARRAY_MODEL (self));

  n_items = self->items->len;
  if (n_items == 0)
    return;

  g_ptr_array_set_size (self->items, 0);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, n_items, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}
