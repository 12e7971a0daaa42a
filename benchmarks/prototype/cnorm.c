/* Prototype: statement-lint's text normaliser (parse/normalize.py, without page furniture and
   Markdown) in C, to measure what a compiled parser core would give. Same output: the
   normalised text and the offset map (seg_norm, seg_orig). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static Py_UCS4 plain_char(Py_UCS4 c) {
    switch (c) {
    case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2032: return '\'';
    case 0x201c: case 0x201d: case 0x201e: return '"';
    case 0x00a0: case 0x2007: case 0x202f: case 0xfeff: return ' ';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: return '-';
    default: return c;
    }
}

static int is_word(Py_UCS4 c) { return Py_UNICODE_ISALNUM(c) || c == '_'; }
static int is_letter(Py_UCS4 c) { return is_word(c) && !Py_UNICODE_ISDECIMAL(c) && c != '_'; }

static int append(PyObject *list, Py_ssize_t value) {
    PyObject *number = PyLong_FromSsize_t(value);
    if (!number) return -1;
    int failed = PyList_Append(list, number);
    Py_DECREF(number);
    return failed;
}

static PyObject *normalize(PyObject *self, PyObject *arg) {
    if (!PyUnicode_Check(arg) || PyUnicode_READY(arg) < 0) {
        PyErr_SetString(PyExc_TypeError, "normalize() takes a str");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(arg);
    int kind = PyUnicode_KIND(arg);
    const void *data = PyUnicode_DATA(arg);
    Py_UCS4 *plain = PyMem_Malloc((n + 1) * sizeof(Py_UCS4));
    Py_UCS4 *out = PyMem_Malloc((n + 2) * sizeof(Py_UCS4));
    PyObject *seg_norm = PyList_New(0), *seg_orig = PyList_New(0);
    if (!plain || !out || !seg_norm || !seg_orig) goto fail;
    for (Py_ssize_t i = 0; i < n; i++) plain[i] = plain_char(PyUnicode_READ(kind, data, i));
    plain[n] = 0;
    if (append(seg_norm, 0) || append(seg_orig, 0)) goto fail;
    Py_ssize_t norm_len = 0, last = 0, i = 0;
    Py_ssize_t last_norm = 0; /* seg_norm[-1] */
    while (i < n) {
        Py_UCS4 c = plain[i];
        Py_ssize_t end = -1;
        const Py_UCS4 *replacement = NULL;
        Py_ssize_t replacement_len = 0;
        static const Py_UCS4 hyphen_newline[2] = {'-', '\n'}, newline[1] = {'\n'}, space[1] = {' '};
        if (c == '-' && i > 0 && is_word(plain[i - 1])) {
            Py_ssize_t j = i + 1;
            while (j < n && (plain[j] == ' ' || plain[j] == '\t')) j++;
            if (j < n && plain[j] == '\n') {
                j++;
                while (j < n && Py_UNICODE_ISSPACE(plain[j])) j++;
                if (j < n && is_letter(plain[j])) {
                    end = j;
                    if (!Py_UNICODE_ISLOWER(plain[end])) { replacement = hyphen_newline; replacement_len = 2; }
                }
            }
        }
        if (end < 0 && c == 0x00ad) end = i + 1;
        if (end < 0 && c == '\\' && i + 1 < n && plain[i + 1] == '*') end = i + 1;
        if (end < 0 && Py_UNICODE_ISSPACE(c)) {
            Py_ssize_t j = i + 1;
            int has_newline = c == '\n';
            while (j < n && Py_UNICODE_ISSPACE(plain[j])) { has_newline |= plain[j] == '\n'; j++; }
            if (j - i >= 2 || (c != ' ' && c != '\n')) {
                end = j;
                replacement = has_newline ? newline : space;
                replacement_len = 1;
            }
        }
        if (end < 0) { i++; continue; }
        for (Py_ssize_t k = last; k < i; k++) out[norm_len++] = plain[k];
        for (Py_ssize_t k = 0; k < replacement_len; k++) out[norm_len++] = replacement[k];
        last = end;
        if (last_norm == norm_len) {
            PyObject *number = PyLong_FromSsize_t(end);
            if (!number) goto fail;
            PyList_SetItem(seg_orig, PyList_GET_SIZE(seg_orig) - 1, number);
        } else {
            if (append(seg_norm, norm_len) || append(seg_orig, end)) goto fail;
            last_norm = norm_len;
        }
        i = end;
    }
    for (Py_ssize_t k = last; k < n; k++) out[norm_len++] = plain[k];
    PyObject *text = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, norm_len);
    PyMem_Free(plain);
    PyMem_Free(out);
    if (!text) { Py_DECREF(seg_norm); Py_DECREF(seg_orig); return NULL; }
    return Py_BuildValue("(NNN)", text, seg_norm, seg_orig);
fail:
    PyMem_Free(plain);
    PyMem_Free(out);
    Py_XDECREF(seg_norm);
    Py_XDECREF(seg_orig);
    return PyErr_Occurred() ? NULL : PyErr_NoMemory();
}

static PyMethodDef methods[] = {{"normalize", normalize, METH_O, "normalise a statement's text"}, {NULL}};
static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "cnorm", NULL, -1, methods};
PyMODINIT_FUNC PyInit_cnorm(void) { return PyModule_Create(&module); }
