// SPDX-License-Identifier: GPL-3.0-or-later
// halo-icongen: renders the application's SVG icon to a square PNG of each size given.
//   halo-icongen ICON.svg OUTPUT_DIR SIZE... -> OUTPUT_DIR/SIZExSIZE.png
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char *argv[])
{
    // No display is needed to paint into an image.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    QTextStream err(stderr);
    if (arguments.size() < 4) {
        err << "usage: halo-icongen ICON.svg OUTPUT_DIR SIZE..." << Qt::endl;
        return 2;
    }
    QSvgRenderer renderer(arguments.at(1));
    if (!renderer.isValid()) {
        err << "halo-icongen: cannot read " << arguments.at(1) << Qt::endl;
        return 1;
    }
    const QDir output(arguments.at(2));
    if (!output.mkpath(QStringLiteral(".")))
        return 1;
    for (const QString &sizeText : arguments.mid(3)) {
        bool ok = false;
        const int size = sizeText.toInt(&ok);
        if (!ok || size <= 0 || size > 4096) {
            err << "halo-icongen: bad size " << sizeText << Qt::endl;
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        const QString path = output.filePath(QStringLiteral("%1x%1.png").arg(size));
        if (!image.save(path, "PNG")) {
            err << "halo-icongen: cannot write " << path << Qt::endl;
            return 1;
        }
    }
    return 0;
}
