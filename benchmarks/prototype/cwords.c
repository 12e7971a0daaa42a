/* Prototype: the counting of the body-language guess (parse/body_language.py) in C, to
   measure what a compiled parser core would give on a stage that reads words rather than
   rewrites characters. `votes(text, words, languages)`: for each run of letters in `text`
   (already lower-cased, as `[^\W\d_]+` finds them), the language index `words` maps it to
   gets a vote; the votes per language, in index order. The words go into a small hash table
   of code points, so a run of letters is looked up without making a string of it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* `[^\W\d_]`: a word character of `re` (alphanumeric or `_`) that is no decimal digit and no
   `_`. */
static int is_letter(Py_UCS4 c) {
    if (c < 128) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; /* ASCII: the letters alone */
    return Py_UNICODE_ISALNUM(c) && !Py_UNICODE_ISDECIMAL(c);
}

#define LONGEST 24   /* longer words are left out of the table (common words are short) */
#define SLOTS 1024   /* a power of two, well over twice the words of a profile */

typedef struct {
    Py_UCS4 chars[LONGEST];
    Py_ssize_t length; /* 0: a free slot */
    Py_ssize_t language;
} Slot;

static size_t hash_of(const Py_UCS4 *chars, Py_ssize_t length) {
    size_t hash = 2166136261u;
    for (Py_ssize_t k = 0; k < length; k++) hash = (hash ^ chars[k]) * 16777619u;
    return hash;
}

static Slot *find(Slot *table, const Py_UCS4 *chars, Py_ssize_t length) {
    for (size_t at = hash_of(chars, length) & (SLOTS - 1);; at = (at + 1) & (SLOTS - 1)) {
        Slot *slot = &table[at];
        if (slot->length == 0) return slot;
        if (slot->length == length && !memcmp(slot->chars, chars, length * sizeof(Py_UCS4)))
            return slot;
    }
}

static int fill(Slot *table, PyObject *words, Py_ssize_t languages) {
    PyObject *key, *value;
    Py_ssize_t position = 0, count = 0;
    while (PyDict_Next(words, &position, &key, &value)) {
        if (!PyUnicode_Check(key)) continue;
        Py_ssize_t length = PyUnicode_GET_LENGTH(key);
        if (length == 0 || length > LONGEST) continue;
        if (++count > SLOTS / 2) {
            PyErr_SetString(PyExc_ValueError, "too many words for the prototype's table");
            return -1;
        }
        Py_ssize_t language = PyLong_AsSsize_t(value);
        if (language < 0 || language >= languages) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "language out of range");
            return -1;
        }
        Py_UCS4 chars[LONGEST];
        for (Py_ssize_t k = 0; k < length; k++) chars[k] = PyUnicode_READ_CHAR(key, k);
        Slot *slot = find(table, chars, length);
        memcpy(slot->chars, chars, length * sizeof(Py_UCS4));
        slot->length = length;
        slot->language = language;
    }
    return 0;
}

static PyObject *votes(PyObject *self, PyObject *args) {
    PyObject *text, *words;
    Py_ssize_t languages;
    if (!PyArg_ParseTuple(args, "UO!n", &text, &PyDict_Type, &words, &languages)) return NULL;
    if (languages < 0 || languages > 1024) {
        PyErr_SetString(PyExc_ValueError, "languages out of range");
        return NULL;
    }
    Slot *table = PyMem_Calloc(SLOTS, sizeof(Slot));
    Py_ssize_t *counts = PyMem_Calloc(languages ? languages : 1, sizeof(Py_ssize_t));
    PyObject *result = NULL;
    if (!table || !counts) { PyErr_NoMemory(); goto done; }
    if (fill(table, words, languages) < 0) goto done;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_UCS4 run[LONGEST];
    Py_ssize_t i = 0;
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (!is_letter(c)) { i++; continue; }
        Py_ssize_t length = 0;
        for (; i < n && is_letter(c = PyUnicode_READ(kind, data, i)); i++)
            if (length <= LONGEST) { if (length < LONGEST) run[length] = c; length++; }
        if (length > LONGEST) continue;
        Slot *slot = find(table, run, length);
        if (slot->length) counts[slot->language]++;
    }
    result = PyList_New(languages);
    if (!result) goto done;
    for (Py_ssize_t k = 0; k < languages; k++) {
        PyObject *number = PyLong_FromSsize_t(counts[k]);
        if (!number) { Py_CLEAR(result); goto done; }
        PyList_SET_ITEM(result, k, number);
    }
done:
    PyMem_Free(table);
    PyMem_Free(counts);
    return result;
}

static PyMethodDef methods[] = {{"votes", votes, METH_VARARGS, "votes per language"}, {NULL}};
static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "cwords", NULL, -1, methods};
PyMODINIT_FUNC PyInit_cwords(void) { return PyModule_Create(&module); }
