// SPDX-License-Identifier: GPL-3.0-or-later
#include "AccessibleControls.h"

#include <QAbstractItemView>
#include <QAccessibleWidget>
#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QTextDocumentFragment>

namespace {

// A label's name is its accessible name, or its text when it has none (as Qt does); its text
// is always readable through the text interface, so a named value still says what it shows.
class AccessibleLabel : public QAccessibleWidget, public QAccessibleTextInterface
{
public:
    explicit AccessibleLabel(QLabel *label)
        : QAccessibleWidget(label, QAccessible::StaticText)
    {}

    void *interface_cast(QAccessible::InterfaceType type) override
    {
        if (type == QAccessible::TextInterface)
            return static_cast<QAccessibleTextInterface *>(this);
        return QAccessibleWidget::interface_cast(type);
    }

    QAccessible::Role role() const override
    {
        if (!label()->pixmap().isNull() && label()->text().isEmpty())
            return QAccessible::Graphic;
        return QAccessible::StaticText;
    }

    QString text(QAccessible::Text kind) const override
    {
        switch (kind) {
        case QAccessible::Name: {
            const QString name = widget()->accessibleName();
            return name.isEmpty() ? withoutMnemonic(shownText()) : name;
        }
        case QAccessible::Value:
            return shownText();
        default:
            return QAccessibleWidget::text(kind);
        }
    }

    QAccessible::State state() const override
    {
        QAccessible::State state = QAccessibleWidget::state();
        state.readOnly = true;
        state.selectableText = label()->textInteractionFlags().testAnyFlags(
            Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        return state;
    }

    QList<QPair<QAccessibleInterface *, QAccessible::Relation>>
    relations(QAccessible::Relation match) const override
    {
        auto relations = QAccessibleWidget::relations(match);
        if (QWidget *buddy = label()->buddy(); buddy && (match & QAccessible::Label)) {
            if (QAccessibleInterface *buddyInterface = QAccessible::queryAccessibleInterface(buddy))
                relations.append({buddyInterface, QAccessible::Label});
        }
        return relations;
    }

    // Text interface: offsets count characters of the text as shown (rich text as plain).
    QString text(int startOffset, int endOffset) const override
    {
        const QString shown = shownText();
        startOffset = qBound(0, startOffset, int(shown.size()));
        endOffset =
            endOffset < 0 ? int(shown.size()) : qBound(startOffset, endOffset, int(shown.size()));
        return shown.mid(startOffset, endOffset - startOffset);
    }
    int characterCount() const override { return int(shownText().size()); }

    int selectionCount() const override { return label()->hasSelectedText() ? 1 : 0; }
    void selection(int selectionIndex, int *startOffset, int *endOffset) const override
    {
        *startOffset = *endOffset = 0;
        if (selectionIndex != 0 || !label()->hasSelectedText())
            return;
        *startOffset = label()->selectionStart();
        *endOffset = *startOffset + int(label()->selectedText().size());
    }
    void addSelection(int startOffset, int endOffset) override
    {
        setSelection(0, startOffset, endOffset);
    }
    void removeSelection(int selectionIndex) override
    {
        if (selectionIndex == 0)
            label()->setSelection(0, 0);
    }
    void setSelection(int selectionIndex, int startOffset, int endOffset) override
    {
        if (selectionIndex != 0 || !state().selectableText)
            return;
        const int start = qBound(0, startOffset, characterCount());
        label()->setSelection(start, qBound(start, endOffset, characterCount()) - start);
    }
    int cursorPosition() const override
    {
        return label()->hasSelectedText() ? label()->selectionStart() : 0;
    }
    void setCursorPosition(int position) override { setSelection(0, position, position); }
    QRect characterRect(int) const override { return {}; }
    int offsetAtPoint(const QPoint &) const override { return -1; }
    void scrollToSubstring(int, int) override {}
    QString attributes(int offset, int *startOffset, int *endOffset) const override
    {
        *startOffset = *endOffset = offset;
        return {};
    }

private:
    QLabel *label() const { return static_cast<QLabel *>(widget()); }

    QString shownText() const
    {
        const QString text = label()->text();
        const bool rich = label()->textFormat() == Qt::RichText ||
                          (label()->textFormat() == Qt::AutoText && Qt::mightBeRichText(text));
        return rich ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
    }

    static QString withoutMnemonic(QString text)
    {
        // "&PMS ID:" reads "PMS ID:"; "&&" is a literal ampersand.
        for (qsizetype at = text.indexOf(QLatin1Char('&')); at >= 0 && at < text.size();
             at = text.indexOf(QLatin1Char('&'), at + 1))
            text.remove(at, 1);
        return text;
    }
};

// A combo box's name is its accessible name (its current text only when it has none); its
// value is the current text; its child is the list it opens, and an editable one's line edit.
class AccessibleComboBox : public QAccessibleWidget
{
public:
    explicit AccessibleComboBox(QComboBox *combo)
        : QAccessibleWidget(combo, QAccessible::ComboBox)
    {}

    QString text(QAccessible::Text kind) const override
    {
        switch (kind) {
        case QAccessible::Name: {
            const QString name = widget()->accessibleName();
            return name.isEmpty() ? currentText() : name;
        }
        case QAccessible::Value:
            return currentText();
        default:
            return QAccessibleWidget::text(kind);
        }
    }

    int childCount() const override { return combo()->lineEdit() ? 2 : 1; }
    QAccessibleInterface *child(int index) const override
    {
        if (index == 0)
            return QAccessible::queryAccessibleInterface(combo()->view());
        if (index == 1 && combo()->lineEdit())
            return QAccessible::queryAccessibleInterface(combo()->lineEdit());
        return nullptr;
    }
    int indexOfChild(const QAccessibleInterface *child) const override
    {
        if (!child)
            return -1;
        if (child->object() == combo()->view())
            return 0;
        if (combo()->lineEdit() && child->object() == combo()->lineEdit())
            return 1;
        return -1;
    }

    QStringList actionNames() const override
    {
        return QStringList{showMenuAction(), pressAction()} + QAccessibleWidget::actionNames();
    }
    void doAction(const QString &actionName) override
    {
        if (actionName == showMenuAction() || actionName == pressAction()) {
            if (combo()->view()->isVisible())
                combo()->hidePopup();
            else
                combo()->showPopup();
            return;
        }
        QAccessibleWidget::doAction(actionName);
    }
    QStringList keyBindingsForAction(const QString &) const override { return {}; }

private:
    QComboBox *combo() const { return static_cast<QComboBox *>(widget()); }
    QString currentText() const
    {
        return combo()->lineEdit() ? combo()->lineEdit()->text() : combo()->currentText();
    }
};

QAccessibleInterface *haloAccessibleFactory(const QString &className, QObject *object)
{
    if (!object || !object->isWidgetType())
        return nullptr;
    // Only the exact classes: a subclass with its own interface keeps it.
    if (className == QLatin1String("QLabel"))
        return new AccessibleLabel(static_cast<QLabel *>(object));
    if (className == QLatin1String("QComboBox"))
        return new AccessibleComboBox(static_cast<QComboBox *>(object));
    return nullptr;
}

} // namespace

namespace AccessibleControls {

void install()
{
    // Factories installed later are asked first, so this one goes before Qt's own.
    QAccessible::installFactory(haloAccessibleFactory);
}

void makeSelectable(QLabel *label)
{
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
}

void nameEditor(QComboBox *combo)
{
    if (QLineEdit *editor = combo->lineEdit())
        editor->setAccessibleName(QCoreApplication::translate("AccessibleControls", "%1 text")
                                      .arg(combo->accessibleName()));
}

} // namespace AccessibleControls
