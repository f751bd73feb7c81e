/* oc3-json-document.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A parsed JSON text laid out flat ("a tape"): every value, and every member
 * name, is one 16-byte node in document order, and a container's node says
 * where the next sibling starts, so skipping a subtree is O(1). All decoded
 * strings live in one buffer. The reader is iterative (no recursion, so no
 * stack overflow however deep the input), validates UTF-8 and enforces the
 * limits of oc3-schedule.h; its error messages name the JSON path.
 *
 * json-glib builds a GObject tree and spends about 32 ms on the 2.6 MB 39C3
 * schedule before any model is built; this reader takes a few milliseconds
 * (see bench/bench-parse.c). The document is freed as soon as the model is
 * built.
 */

typedef enum {
  OC3_JSON_NULL,
  OC3_JSON_FALSE,
  OC3_JSON_TRUE,
  OC3_JSON_NUMBER,
  OC3_JSON_STRING,
  OC3_JSON_ARRAY,
  OC3_JSON_OBJECT,
} Oc3JsonKind;

typedef struct {
  guint8  kind;
  /* Strings and numbers: offset of the NUL-terminated text in the buffer. */
  guint32 offset;
  /* Strings and numbers: bytes; arrays: elements; objects: members. */
  guint32 length;
  /* The index of the node after this one and everything inside it. */
  guint32 end;
} Oc3JsonNode;

typedef struct {
  Oc3JsonNode *nodes;
  guint32      n_nodes;
  char        *text;
} Oc3JsonDocument;

/* Node 0 is the root; objects' children alternate member name, value. */
#define OC3_JSON_ROOT 0
/* What oc3_json_lookup() returns for a missing member. */
#define OC3_JSON_NONE G_MAXUINT32

Oc3JsonDocument *oc3_json_document_parse (const char  *data,
                                          gsize        length,
                                          GPtrArray   *warnings,
                                          GError     **error);
void             oc3_json_document_free  (Oc3JsonDocument *doc);

const char      *oc3_json_kind_to_string (Oc3JsonKind kind);
gboolean         oc3_json_is_identifier  (const char *key);
void             oc3_json_append_key     (GString    *path,
                                          const char *key);
void             oc3_json_append_quoted  (GString    *out,
                                          const char *text,
                                          gsize       max_chars);

static inline Oc3JsonKind
oc3_json_kind (const Oc3JsonDocument *doc,
               guint32                node)
{
  return (Oc3JsonKind) doc->nodes[node].kind;
}

static inline const char *
oc3_json_text (const Oc3JsonDocument *doc,
               guint32                node)
{
  return doc->text + doc->nodes[node].offset;
}

static inline guint32
oc3_json_length (const Oc3JsonDocument *doc,
                 guint32                node)
{
  return doc->nodes[node].length;
}

static inline guint32
oc3_json_next (const Oc3JsonDocument *doc,
               guint32                node)
{
  return doc->nodes[node].end;
}

guint32          oc3_json_lookup         (const Oc3JsonDocument *doc,
                                          guint32                object,
                                          const char            *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Oc3JsonDocument, oc3_json_document_free)

G_END_DECLS
