// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QWidget>

#include <memory>

#include "fhir/FhirJsonTreeModel.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeView;

// One FHIR resource (or a whole answer) two ways: a JSON tree to expand, collapse, copy values
// and paths from and follow references in; and the pretty-printed text with a find line.
class FhirResourceView : public QWidget
{
    Q_OBJECT
public:
    explicit FhirResourceView(QWidget *parent = nullptr);

    // `rootName` starts the paths (the resource type, or "Bundle"); `prettyText` is the text
    // view's content (made here when empty: one resource is small).
    void showJson(const QJsonObject &json, const QString &rootName,
                  const QString &prettyText = QString());
    // The same with a tree built beforehand (on a worker, for a large answer).
    void showTree(const QJsonObject &json,
                  std::shared_ptr<const Halo::FhirJsonTreeModel::Tree> tree,
                  const QString &prettyText);
    void showText(const QString &text); // an answer that is not FHIR JSON: text only
    void clear();

    const QJsonObject &json() const { return m_json; }
    QString rootName() const { return m_rootName; }
    bool selectPath(const QString &path);    // selects and shows the node; false if absent
    bool selectContained(const QString &id); // "#id" references land here
    // Privacy mode: values of patient elements hidden in the tree and the text; copying one asks.
    void setPrivacy(bool on);
    // Whether the site links FHIR Patients to SQL rows: "Show in SQL" appears on a Patient.
    void setShowInSqlOffered(bool offered);
    QString shownPatientId() const; // the id of the Patient shown, or empty
    void copySelectedValue();
    void copySelectedPath();
    void followSelected(); // emits referenceActivated for a selected reference node

    QTreeView *tree() const { return m_tree; }
    QPlainTextEdit *textView() const { return m_text; }
    QLineEdit *findField() const { return m_find; }
    Halo::FhirJsonTreeModel *model() const { return m_model; }
    bool findText(bool backwards = false); // from the find field; wraps; false if absent
    // The text view is filled when it is first looked at, a slice per event-loop turn when the
    // text is long (a large Bundle's text takes seconds to lay out): the GUI keeps answering.
    bool isTextLoaded() const { return m_loadedUpTo >= m_pendingText.size(); }

signals:
    void textLoaded();
    void referenceActivated(const QString &reference);
    void saveRequested();
    // "Show in SQL" on a Patient: its id, for a SQL editor on its row.
    void showInSqlRequested(const QString &patientId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateActions();
    void setText(const QString &text);
    QString shownText() const; // the text, or in privacy mode its masked form
    void showPendingText(const QString &text);
    void loadText();
    void loadNextSlice();

    bool m_privacy = false;
    QString m_realText;    // the text as it came
    QString m_pendingText; // what the text view shows once loaded
    qsizetype m_loadedUpTo = 0;
    int m_textGeneration = 0; // a slice of an older text is not appended
    QJsonObject m_json;
    QString m_rootName;
    Halo::FhirJsonTreeModel *m_model;
    QTabWidget *m_views;
    QTreeView *m_tree;
    QPlainTextEdit *m_text;
    QLineEdit *m_find;
    QLabel *m_findResult;
    QLabel *m_path;
    QPushButton *m_copyValue;
    QPushButton *m_copyPath;
    QPushButton *m_follow;
    QPushButton *m_expand;
    QPushButton *m_collapse;
    QPushButton *m_save;
    QPushButton *m_showInSql;
    bool m_showInSqlOffered = false;
};
