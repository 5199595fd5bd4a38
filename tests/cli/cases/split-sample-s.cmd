lede-split -s ../../../samples/harbour-ferry-dispute.txt
