# Adds every WMS layer and every WFS feature type the gateway announces to a headless QGIS (Debian's python3-qgis), as a
# regulator adds them in the desktop: prints "LAYER <name> VALID|INVALID <why>", "WFS <type> <valid> <count>".
import os
import sys
import tempfile
import urllib.request
from xml.etree import ElementTree

os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')
os.environ['HOME'] = tempfile.mkdtemp()  # a fresh profile, as a new user has

from qgis.core import Qgis, QgsApplication, QgsRasterLayer, QgsVectorLayer

QgsApplication.setPrefixPath('/usr', True)
app = QgsApplication([], False)
app.initQgis()
base = sys.argv[1]
WMS = '{http://www.opengis.net/wms}'
caps = ElementTree.fromstring(urllib.request.urlopen(base + '/wms?SERVICE=WMS&REQUEST=GetCapabilities').read())
names = [layer.find(WMS + 'Name').text for layer in caps.iter(WMS + 'Layer') if layer.find(WMS + 'Name') is not None]
print('QGIS', Qgis.QGIS_VERSION)
for name in names:
    uri = 'contextualWMSLegend=0&crs=EPSG:4326&dpiMode=7&format=image/png&layers=%s&styles=&url=%s/wms' % (name, base)
    layer = QgsRasterLayer(uri, name, 'wms')
    print('LAYER', name, 'VALID' if layer.isValid() else 'INVALID ' + layer.error().summary())
WFS = '{http://www.opengis.net/wfs/2.0}'
wfs = ElementTree.fromstring(urllib.request.urlopen(base + '/wfs?SERVICE=WFS&REQUEST=GetCapabilities').read())
for type_name in [t.find(WFS + 'Name').text for t in wfs.iter(WFS + 'FeatureType')]:
    features = QgsVectorLayer("pagingEnabled='true' typename='%s' url='%s/wfs' version='2.0.0'" % (type_name, base), type_name, 'WFS')
    print('WFS', type_name, features.isValid(), features.featureCount())
app.exitQgis()
