/* test-list-update.c — oc3_list_update() ends with the new items, changing
 * only the part between what the old and new lists share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-list-update.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->count++;
}

/* A list of the objects named by the letters of @letters, from @pool. */
static GListStore *
list_of (GObject    **pool,
         const char  *letters)
{
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);

  for (const char *p = letters; *p != '\0'; p++)
    g_list_store_append (store, pool[*p - 'a']);

  return store;
}

static void
assert_same_items (GListModel *a,
                   GListModel *b)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr (GObject) item_a = g_list_model_get_item (a, i);
      g_autoptr (GObject) item_b = g_list_model_get_item (b, i);

      g_assert_true (item_a == item_b);
    }
}

static void
test_list_update (void)
{
  const struct {
    const char *old;
    const char *new;
    guint       position;
    guint       removed;
    guint       added;
  } cases[] = {
    { "abcde", "abxde", 2, 1, 1 },
    { "abcde", "abde", 2, 1, 0 },
    { "abde", "abcde", 2, 0, 1 },
    { "abcde", "", 0, 5, 0 },
    { "", "abc", 0, 0, 3 },
    { "abc", "cba", 0, 3, 3 },
    { "aaa", "aa", 2, 1, 0 },
  };
  GObject *pool[26];

  for (guint i = 0; i < G_N_ELEMENTS (pool); i++)
    pool[i] = g_object_new (G_TYPE_OBJECT, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GListStore) store = list_of (pool, cases[i].old);
      g_autoptr (GListStore) wanted = list_of (pool, cases[i].new);
      Change change = { 0, 0, 0, 0 };

      g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), &change);
      oc3_list_update (store, G_LIST_MODEL (wanted));

      assert_same_items (G_LIST_MODEL (store), G_LIST_MODEL (wanted));
      g_assert_cmpuint (change.count, ==, 1);
      g_assert_cmpuint (change.position, ==, cases[i].position);
      g_assert_cmpuint (change.removed, ==, cases[i].removed);
      g_assert_cmpuint (change.added, ==, cases[i].added);
    }

  /* The same items: no change at all. */
  {
    g_autoptr (GListStore) store = list_of (pool, "abc");
    g_autoptr (GListStore) same = list_of (pool, "abc");
    Change change = { 0, 0, 0, 0 };

    g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), &change);
    oc3_list_update (store, G_LIST_MODEL (same));
    g_assert_cmpuint (change.count, ==, 0);
  }

  for (guint i = 0; i < G_N_ELEMENTS (pool); i++)
    g_assert_finalize_object (pool[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/list-update/one-splice", test_list_update);

  return g_test_run ();
}
