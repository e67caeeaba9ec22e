// SPDX-License-Identifier: GPL-3.0-or-later
// What a screen reader is told, read the way it reads it: through the accessibility interfaces
// Qt's AT-SPI bridge hands over one for one (name, value, text, state), found by walking the
// tree down from the window. The window runs against a sandbox on loopback.
#include "FailOnWarning.h"
#include "SampleSites.h"
#include "SandboxServer.h"
#include "SandboxWindowRig.h"
#include "WidgetLookup.h"
#include "fhir/FhirQueryForm.h"
#include "sites/SiteListPanel.h"
#include "sites/SiteLookupForm.h"
#include "status/SiteStatusPanel.h"

#include <QAbstractItemView>
#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QSet>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kKey = QStringLiteral("accessibility-test-key");

const Sandbox::SampleSite &onlineSite()
{
    return sampleSite(Sandbox::SiteScenario::Online);
}

struct Rig : SandboxWindowRig {
    explicit Rig(const QString &dir)
        : SandboxWindowRig(dir, kKey)
    {}
};

// Depth-first through the accessible children, as an AT walks the tree.
QAccessibleInterface *findAccessible(QAccessibleInterface *node, const QObject *object,
                                     int depth = 0)
{
    if (!node || depth > 40)
        return nullptr;
    if (node->object() == object)
        return node;
    for (int i = 0; i < node->childCount(); ++i) {
        if (QAccessibleInterface *found = findAccessible(node->child(i), object, depth + 1))
            return found;
    }
    return nullptr;
}

QAccessibleInterface *reached(QWidget *root, QObject *object)
{
    return findAccessible(QAccessible::queryAccessibleInterface(root), object);
}

QString allText(QAccessibleInterface *node)
{
    QAccessibleTextInterface *text = node ? node->textInterface() : nullptr;
    return text ? text->text(0, text->characterCount()) : QStringLiteral("<no text interface>");
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }

    void comboBoxesReportTheirContractNamesAndCurrentValue_data();
    void comboBoxesReportTheirContractNamesAndCurrentValue();
    void statusValuesAreReadSelectedAndCopied();
    void labelsWithoutANameStillReadAsTheirText();
    void everyNamedValueCanBeReachedAndSelected();
    void everyControlHasAName();
};

void TestAccessibility::comboBoxesReportTheirContractNamesAndCurrentValue_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("tab"); // -1: not on a tab
    QTest::newRow("Environment") << QStringLiteral("Environment") << -1;
    QTest::newRow("Execution mode") << QStringLiteral("Execution mode") << 1;
    QTest::newRow("Catalogue") << QStringLiteral("Catalogue") << 1;
    QTest::newRow("FHIR resource type") << QStringLiteral("FHIR resource type") << 2;
}

void TestAccessibility::comboBoxesReportTheirContractNamesAndCurrentValue()
{
    QFETCH(QString, name);
    QFETCH(int, tab);
    QTemporaryDir dir;
    Rig rig(dir.path());
    QVERIFY(rig.port != 0);
    QVERIFY(rig.addSite(onlineSite()));
    MainWindow *window = rig.openWindow();
    window->siteListPanel()->selectSite(QStringLiteral("sandbox"), onlineSite().guid);
    if (tab >= 0)
        window->findChild<QTabWidget *>(QStringLiteral("siteTabs"))->setCurrentIndex(tab);

    auto *combo = named<QComboBox>(window, name);
    QVERIFY2(combo, qPrintable(name));
    QTRY_VERIFY(combo->count() > 0);
    QAccessibleInterface *node = reached(window, combo);
    QVERIFY2(node, "the combo box is not in the window's accessible tree");
    QCOMPARE(node->role(), QAccessible::ComboBox);
    QCOMPARE(node->text(QAccessible::Name), name);
    QCOMPARE(node->text(QAccessible::Value), combo->currentText());
    QVERIFY(!combo->currentText().isEmpty());

    // Another choice changes the value, never the name.
    combo->setCurrentIndex(combo->count() - 1);
    QCOMPARE(node->text(QAccessible::Name), name);
    QCOMPARE(node->text(QAccessible::Value), combo->currentText());
    // The list it opens is its child, so the choices can be read too.
    QVERIFY(node->childCount() >= 1);
    QCOMPARE(node->child(0)->object(), combo->view());
    QVERIFY(node->actionInterface());
    QVERIFY(node->actionInterface()->actionNames().contains(
        QAccessibleActionInterface::showMenuAction()));
}

void TestAccessibility::statusValuesAreReadSelectedAndCopied()
{
    QTemporaryDir dir;
    Rig rig(dir.path());
    QVERIFY(rig.port != 0);
    QVERIFY(rig.addSite(onlineSite()));
    MainWindow *window = rig.openWindow();
    window->siteListPanel()->selectSite(QStringLiteral("sandbox"), onlineSite().guid);
    auto *panel = window->findChild<SiteStatusPanel *>();
    QVERIFY(panel);
    auto *availability = named<QLabel>(panel, QStringLiteral("Availability"));
    QVERIFY(availability);
    QTRY_VERIFY_WITH_TIMEOUT(availability->text().contains(QLatin1String("Online")), 15000);
    const QString shown = availability->text(); // "Online — last heard 1 minute ago"

    // The name says which value it is; the text interface and the value say what it is.
    QAccessibleInterface *node = reached(window, availability);
    QVERIFY2(node, "the availability value is not in the window's accessible tree");
    QCOMPARE(node->text(QAccessible::Name), QStringLiteral("Availability"));
    QCOMPARE(allText(node), shown);
    QCOMPARE(node->text(QAccessible::Value), shown);
    QVERIFY(node->state().readOnly);

    // Every named value the panel shows reads as it is shown, and can be selected.
    int values = 0;
    for (QLabel *label : panel->findChildren<QLabel *>()) {
        if (label->accessibleName().isEmpty() || !label->isVisibleTo(panel) ||
            label->text().isEmpty() || !label->pixmap().isNull())
            continue;
        ++values;
        QAccessibleInterface *value = QAccessible::queryAccessibleInterface(label);
        const QString context = label->accessibleName();
        QCOMPARE(value->text(QAccessible::Name), label->accessibleName());
        QVERIFY2(!allText(value).isEmpty(), qPrintable(context));
        QVERIFY2(!allText(value).contains(QLatin1Char('<')), qPrintable(context)); // no markup
        QVERIFY2(value->state().selectableText, qPrintable(context));
    }
    QVERIFY2(values >= 10, qPrintable(QString::number(values)));

    // The GUID, selected through the text interface and copied with the keyboard.
    auto *guid = named<QLabel>(panel, QStringLiteral("Halo GUID"));
    QVERIFY(guid);
    QCOMPARE(guid->text(), onlineSite().guid);
    QAccessibleInterface *guidNode = QAccessible::queryAccessibleInterface(guid);
    QAccessibleTextInterface *text = guidNode->textInterface();
    text->setSelection(0, 0, text->characterCount());
    QCOMPARE(text->selectionCount(), 1);
    int start = -1;
    int end = -1;
    text->selection(0, &start, &end);
    QCOMPARE(start, 0);
    QCOMPARE(end, int(onlineSite().guid.size()));
    QApplication::clipboard()->clear();
    guid->setFocus();
    QTest::keySequence(guid, QKeySequence::Copy);
    QCOMPARE(QApplication::clipboard()->text(), onlineSite().guid);
}

void TestAccessibility::labelsWithoutANameStillReadAsTheirText()
{
    // A caption has no accessible name of its own: it reads as its text, mnemonic removed.
    SiteLookupForm form(Halo::Endpoint{Halo::Environment::Sandbox, QUrl()});
    auto *pms = named<QComboBox>(&form, QStringLiteral("PMS"));
    QVERIFY(pms);
    QAccessibleInterface *pmsNode = QAccessible::queryAccessibleInterface(pms);
    QCOMPARE(pmsNode->text(QAccessible::Name), QStringLiteral("PMS"));
    QCOMPARE(pmsNode->text(QAccessible::Value), pms->currentText());
    QVERIFY(!pms->currentText().isEmpty());

    QLabel caption(QStringLiteral("&PMS ID:"));
    QAccessibleInterface *captionNode = QAccessible::queryAccessibleInterface(&caption);
    QCOMPARE(captionNode->text(QAccessible::Name), QStringLiteral("PMS ID:"));
    QCOMPARE(allText(captionNode), QStringLiteral("&PMS ID:"));

    QLabel rich;
    rich.setText(QStringLiteral("<b>Changed</b> since &lt;recorded&gt;"));
    rich.setTextFormat(Qt::RichText);
    QCOMPARE(allText(QAccessible::queryAccessibleInterface(&rich)),
             QStringLiteral("Changed since <recorded>"));
}

void TestAccessibility::everyNamedValueCanBeReachedAndSelected()
{
    // A label with a name of its own shows a value (a caption has none): with the keys it can
    // be reached, selected and copied, wherever it is in the window.
    QTemporaryDir dir;
    Rig rig(dir.path());
    QVERIFY(rig.port != 0);
    QVERIFY(rig.addSite(onlineSite()));
    MainWindow *window = rig.openWindow();
    window->siteListPanel()->selectSite(QStringLiteral("sandbox"), onlineSite().guid);
    QStringList unreachable;
    for (QLabel *label : window->findChildren<QLabel *>()) {
        if (label->accessibleName().isEmpty() || !label->pixmap().isNull())
            continue;
        if (!label->textInteractionFlags().testFlag(Qt::TextSelectableByKeyboard))
            unreachable << label->accessibleName();
    }
    QVERIFY2(unreachable.isEmpty(), qPrintable(unreachable.join(QLatin1String(", "))));
}

void TestAccessibility::everyControlHasAName()
{
    // Walked as an AT walks it: every visible control that can be operated says what it is.
    QTemporaryDir dir;
    Rig rig(dir.path());
    QVERIFY(rig.port != 0);
    QVERIFY(rig.addSite(onlineSite()));
    MainWindow *window = rig.openWindow();
    window->siteListPanel()->selectSite(QStringLiteral("sandbox"), onlineSite().guid);
    const QSet<QAccessible::Role> controls{
        QAccessible::PushButton, QAccessible::CheckBox,       QAccessible::RadioButton,
        QAccessible::ComboBox,   QAccessible::EditableText,   QAccessible::SpinBox,
        QAccessible::ButtonMenu, QAccessible::ButtonDropDown, QAccessible::Slider};
    QSet<QString> unnamed;
    int checked = 0;
    auto *tabs = window->findChild<QTabWidget *>(QStringLiteral("siteTabs"));
    for (int tab = 0; tab < tabs->count(); ++tab) {
        tabs->setCurrentIndex(tab);
        QList<QAccessibleInterface *> stack{QAccessible::queryAccessibleInterface(window)};
        while (!stack.isEmpty()) {
            QAccessibleInterface *node = stack.takeLast();
            if (!node || node->state().invisible)
                continue;
            if (controls.contains(node->role())) {
                ++checked;
                if (node->text(QAccessible::Name).trimmed().isEmpty())
                    unnamed << QStringLiteral("%1 (%2) in %3 (%4)")
                                   .arg(QString::fromLatin1(
                                            node->object()->metaObject()->className()),
                                        node->object()->objectName(),
                                        QString::fromLatin1(
                                            node->object()->parent()->metaObject()->className()),
                                        node->object()->parent()->objectName());
            }
            for (int i = 0; i < node->childCount(); ++i)
                stack.append(node->child(i));
        }
    }
    QVERIFY2(checked > 30, qPrintable(QString::number(checked)));
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.values().join(QLatin1String(", "))));
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
